import type { Db } from "@/lib/db";

export interface JobContext {
  id: number;
  kind: string;
  attempts: number;
  runAt: Date;
}

export type JobHandler = (db: Db, payload: Record<string, unknown>, job: JobContext) => Promise<void>;

const handlers = new Map<string, JobHandler>();

/** Registers the function that runs jobs of `kind`; each lib module registers its own. */
export function registerJob(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export function jobHandler(kind: string): JobHandler | undefined {
  return handlers.get(kind);
}

/** The kinds this process can run; a runner claims only these, so an instance never takes work it cannot do. */
export function registeredKinds(): string[] {
  return [...handlers.keys()];
}
