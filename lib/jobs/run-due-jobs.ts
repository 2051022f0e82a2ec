import { sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";
import { errorSummary, log } from "@/lib/log";
import { retryDelayMs } from "./backoff";
import { jobHandler, registeredKinds } from "./registry";

interface ClaimedRow {
  id: string | number;
  kind: string;
  payload: Record<string, unknown> | string;
  attempts: number;
  max_attempts: number;
  run_at: string | Date;
}

const LEASE_MS = 5 * 60_000;

async function claim(db: Db, limit: number, at: Date): Promise<ClaimedRow[]> {
  const t = at.toISOString();
  const kinds = registeredKinds();
  if (kinds.length === 0) return [];
  return rowsOf<ClaimedRow>(
    await db.execute(sql`
      UPDATE jobs SET status = 'running', attempts = attempts + 1,
        locked_until = ${t}::timestamptz + ${`${LEASE_MS} milliseconds`}::interval
      WHERE id IN (
        SELECT id FROM jobs
        WHERE ((status = 'pending' AND run_at <= ${t}::timestamptz) OR (status = 'running' AND locked_until < ${t}::timestamptz))
          AND kind IN (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})
        ORDER BY run_at LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, payload, attempts, max_attempts, run_at`),
  );
}

async function finish(db: Db, id: number, error: unknown, job: ClaimedRow): Promise<"done" | "retry" | "failed"> {
  if (error === undefined) {
    await db.execute(sql`UPDATE jobs SET status = 'done', locked_until = NULL, finished_at = ${now().toISOString()}::timestamptz WHERE id = ${id}`);
    return "done";
  }
  // Not error.message: a failed query's message carries its parameters, and this row and log line outlive them.
  const message = errorSummary(error);
  const final = job.attempts >= job.max_attempts;
  const next = new Date(now().getTime() + retryDelayMs(job.attempts));
  await db.execute(sql`
    UPDATE jobs SET status = ${final ? "failed" : "pending"}, locked_until = NULL, last_error = ${message.slice(0, 2000)},
      run_at = ${final ? sql`run_at` : sql`${next.toISOString()}::timestamptz`},
      finished_at = ${final ? sql`${now().toISOString()}::timestamptz` : sql`NULL`}
    WHERE id = ${id}`);
  log.warn("job failed", { id, kind: job.kind, attempts: job.attempts, final, error: message });
  return final ? "failed" : "retry";
}

/**
 * Claims up to `limit` due jobs (and any whose lease ran out, i.e. whose runner died) and runs
 * them. Jobs run at least once, so handlers must be idempotent. Time comes from lib/clock.
 */
export async function runDueJobs(db: Db, limit = 20): Promise<{ ran: number; failed: number; retried: number }> {
  const claimed = await claim(db, limit, now());
  const counts = { ran: claimed.length, failed: 0, retried: 0 };
  for (const job of claimed) {
    const handler = jobHandler(job.kind);
    const payload = typeof job.payload === "string" ? (JSON.parse(job.payload) as Record<string, unknown>) : job.payload;
    let error: unknown;
    try {
      if (!handler) throw new Error(`no handler registered for job kind '${job.kind}'`);
      await handler(db, payload, { id: Number(job.id), kind: job.kind, attempts: job.attempts, runAt: new Date(job.run_at) });
    } catch (e) {
      error = e ?? new Error("job failed");
    }
    const outcome = await finish(db, Number(job.id), error, job);
    if (outcome === "failed") counts.failed++;
    if (outcome === "retry") counts.retried++;
  }
  return counts;
}

/** Tests: run jobs until none is due (bounded, so a job that keeps rescheduling itself cannot loop forever). */
export async function drainJobs(db: Db, maxRounds = 50): Promise<number> {
  let total = 0;
  for (let round = 0; round < maxRounds; round++) {
    const { ran } = await runDueJobs(db, 50);
    total += ran;
    if (ran === 0) break;
  }
  return total;
}
