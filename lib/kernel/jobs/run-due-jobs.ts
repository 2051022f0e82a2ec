import { sql } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { Db } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { errorSummary, log } from "@/lib/kernel/log";
import { retryDelayMs } from "./backoff";
import { jobHandler, registeredKinds, type Lane } from "./registry";

export interface ClaimedRow {
  id: string | number;
  kind: string;
  payload: Record<string, unknown> | string;
  attempts: number;
  max_attempts: number;
  run_at: string | Date;
}

const LEASE_MS = 5 * 60_000;

export interface ClaimOptions {
  limit: number;
  lane?: Lane;
  /**
   * At most this many running jobs per fair group (EnqueueInput.fairGroup) after the claim, counting
   * those already running anywhere: one group's backlog cannot take every slot.
   */
  perGroup?: number;
}

/** Claims due jobs (and any whose lease ran out, i.e. whose runner died), oldest first. */
export async function claimDueJobs(db: Db, options: ClaimOptions, at = now()): Promise<ClaimedRow[]> {
  const t = at.toISOString();
  const kinds = registeredKinds(options.lane);
  if (kinds.length === 0) return [];
  const kindList = sql.join(kinds.map((k) => sql`${k}`), sql`, `);
  const due = sql`((status = 'pending' AND run_at <= ${t}::timestamptz) OR (status = 'running' AND locked_until < ${t}::timestamptz)) AND kind IN (${kindList})`;
  // A window function cannot share a level with FOR UPDATE, so the fair claim picks first and locks
  // after, checking again at the locking level that each row is still due (another runner may have won it).
  const claimable =
    options.perGroup === undefined
      ? sql`SELECT id FROM jobs WHERE ${due} ORDER BY run_at LIMIT ${options.limit} FOR UPDATE SKIP LOCKED`
      : sql`SELECT id FROM jobs WHERE ${due} AND id IN (SELECT id FROM (
          SELECT id, run_at, COALESCE(payload->>'fairGroup', id::text) AS grp,
            row_number() OVER (PARTITION BY COALESCE(payload->>'fairGroup', id::text) ORDER BY run_at, id) AS rn
          FROM jobs WHERE ${due}) c
        WHERE c.rn <= ${options.perGroup} - (
          SELECT count(*) FROM jobs r WHERE r.status = 'running' AND r.locked_until >= ${t}::timestamptz
            AND r.kind IN (${kindList}) AND r.payload->>'fairGroup' = c.grp)
        ORDER BY c.run_at LIMIT ${options.limit}) FOR UPDATE SKIP LOCKED`;
  return rowsOf<ClaimedRow>(
    await db.execute(sql`
      UPDATE jobs SET status = 'running', attempts = attempts + 1,
        locked_until = ${t}::timestamptz + ${`${LEASE_MS} milliseconds`}::interval
      WHERE id IN (${claimable})
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

/** Runs one claimed job and records its outcome. */
export async function runClaimedJob(db: Db, job: ClaimedRow): Promise<"done" | "retry" | "failed"> {
  const handler = jobHandler(job.kind);
  const payload = typeof job.payload === "string" ? (JSON.parse(job.payload) as Record<string, unknown>) : job.payload;
  let error: unknown;
  try {
    if (!handler) throw new Error(`no handler registered for job kind '${job.kind}'`);
    await handler(db, payload, { id: Number(job.id), kind: job.kind, attempts: job.attempts, runAt: new Date(job.run_at) });
  } catch (e) {
    error = e ?? new Error("job failed");
  }
  return finish(db, Number(job.id), error, job);
}

/**
 * Claims up to `limit` due jobs (of one lane, when given) and runs them one after another. Jobs run
 * at least once, so handlers must be idempotent. Time comes from lib/kernel/clock.
 */
export async function runDueJobs(db: Db, limit = 20, lane?: Lane): Promise<{ ran: number; failed: number; retried: number }> {
  const claimed = await claimDueJobs(db, { limit, lane });
  const counts = { ran: claimed.length, failed: 0, retried: 0 };
  for (const job of claimed) {
    const outcome = await runClaimedJob(db, job);
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
