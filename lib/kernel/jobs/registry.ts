import type { z } from "zod";
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

/** A job kind, the lane it runs in and its handler, registered at start-up (lib/boot/jobs.ts). */
export interface JobDefinition {
  kind: string;
  lane: Lane;
  handler: JobHandler;
}

/**
 * A job kind whose stored payload is parsed by `payload` before `run` sees it, so a handler works on
 * typed values and a payload of the wrong shape fails the job (retried, then dead) instead of running
 * on coerced ones.
 */
export function defineJob<S extends z.ZodType>(
  kind: string,
  payload: S,
  run: (db: Db, payload: z.output<S>, job: JobContext) => Promise<unknown>,
  options: { lane?: Lane } = {},
): JobDefinition {
  return { kind, lane: options.lane ?? "money", handler: async (db, raw, job) => void (await run(db, payload.parse(raw), job)) };
}

/** Registers every definition; start-up calls this once with all of them. */
export function registerJobs(definitions: readonly JobDefinition[]): void {
  for (const d of definitions) registerJob(d.kind, d.handler, { lane: d.lane });
}

/** Registers the function that runs jobs of `kind`. */
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
