import { sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import { getDb, type DbOrTx } from "@/lib/db";
import { env } from "@/lib/env";
import { RateLimitedError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { registerJob } from "@/lib/jobs/registry";
import { RateLimiter } from "./limiter";

const holder = globalThis as typeof globalThis & { __billfoldLimiter?: RateLimiter };

function limiter(): RateLimiter {
  holder.__billfoldLimiter ??= new RateLimiter(getDb);
  return holder.__billfoldLimiter;
}

const MINUTE = 60_000;
export type LimitKind = "api" | "signin" | "bad-key";

function maxFor(kind: LimitKind): number {
  const e = env();
  return kind === "api" ? e.RATE_LIMIT_API_PER_MINUTE : kind === "signin" ? e.RATE_LIMIT_SIGNIN_PER_MINUTE : e.RATE_LIMIT_BAD_KEY_PER_MINUTE;
}

/** @throws RateLimitedError (429 with Retry-After) when `subject` has used up this minute's allowance. */
export async function enforceRateLimit(kind: LimitKind, subject: string): Promise<void> {
  const wait = await limiter().check(`${kind}:${subject}`, { max: maxFor(kind), windowMs: MINUTE });
  if (wait > 0) throw new RateLimitedError(wait);
}

/** The client's address as the reverse proxy reports it; one shared bucket when there is no proxy. */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "direct";
}

export const CLEANUP_JOB = "rate-limits.cleanup";

/** Drops finished windows every ten minutes so the table stays small; one job per ten-minute slot. */
export async function scheduleRateLimitCleanup(db: DbOrTx): Promise<void> {
  const runAt = now().getTime() + 10 * MINUTE;
  await enqueueJob(db, { kind: CLEANUP_JOB, runAt: new Date(runAt), uniqueKey: `${CLEANUP_JOB}:${Math.floor(runAt / (10 * MINUTE))}` });
}

registerJob(CLEANUP_JOB, async (db) => {
  await db.execute(sql`DELETE FROM rate_limits WHERE window_start < ${new Date(now().getTime() - 10 * MINUTE).toISOString()}::timestamptz`);
  await scheduleRateLimitCleanup(db);
});
