import type { Db } from "@/lib/kernel/db";

export interface JobContext {
  id: number;
  kind: string;
  attempts: number;
  runAt: Date;
}

export type JobHandler = (db: Db, payload: Record<string, unknown>, job: JobContext) => Promise<void>;

/**
 * Jobs run in two lanes that never wait for each other. `money` (top-ups, expiries, renewals, and
 * everything else) runs one job at a time per process. `deliveries` is for calls to servers that
 * platforms run: many at once, at most a few per platform, so a slow or hanging endpoint holds back
 * only its own platform's deliveries and never a money job.
 */
export type Lane = "money" | "deliveries";

const handlers = new Map<string, { handler: JobHandler; lane: Lane }>();

/** Registers the function that runs jobs of `kind`; each lib module registers its own. */
export function registerJob(kind: string, handler: JobHandler, options: { lane?: Lane } = {}): void {
  handlers.set(kind, { handler, lane: options.lane ?? "money" });
}

export function jobHandler(kind: string): JobHandler | undefined {
  return handlers.get(kind)?.handler;
}

/**
 * The kinds this process can run (of one lane, when given); a runner claims only these, so an
 * instance never takes work it cannot do.
 */
export function registeredKinds(lane?: Lane): string[] {
  return [...handlers.entries()].filter(([, h]) => !lane || h.lane === lane).map(([kind]) => kind);
}
