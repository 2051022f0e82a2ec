import { sql } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import { getDb, type DbOrTx } from "@/lib/kernel/db";
import { env } from "@/lib/kernel/env";
import { RateLimitedError } from "@/lib/kernel/errors";
import { enqueueJob } from "@/lib/kernel/jobs/enqueue";
import { noPayload } from "@/lib/kernel/jobs/payload";
import { defineJob } from "@/lib/kernel/jobs/registry";
import { RateLimiter } from "./limiter";
import { LocalLimiter } from "./local-limiter";

export { clientAddress, UNKNOWN_CLIENT } from "./client-address";

/** Counters for unauthenticated failures: enough for every address of a busy minute, a few MB at most. */
export const LOCAL_LIMITER_CAPACITY = 50_000;

const holder = globalThis as typeof globalThis & { __billfoldLimiter?: RateLimiter; __billfoldLocalLimiter?: LocalLimiter };

function sharedLimiter(): RateLimiter {
  holder.__billfoldLimiter ??= new RateLimiter(getDb);
  return holder.__billfoldLimiter;
}

export function localLimiter(): LocalLimiter {
  holder.__billfoldLocalLimiter ??= new LocalLimiter(LOCAL_LIMITER_CAPACITY);
  return holder.__billfoldLocalLimiter;
}

const MINUTE = 60_000;

/**
 * `api` counts an authenticated key's requests, summed over every instance through the database (its
 * keys are the platforms' API keys: a bounded set). `signin` and `bad-key` count failures of clients
 * nobody has authenticated, per address, in this process only: an attacker can mint addresses at
 * will, and none of them may cost a database write.
 */
export type LimitKind = "api" | "signin" | "bad-key" | "email-sign-in-client" | "email-sign-in-address";

function maxFor(kind: LimitKind): number {
  const e = env();
  switch (kind) {
    case "api":
      return e.RATE_LIMIT_API_PER_MINUTE;
    case "signin":
      return e.RATE_LIMIT_SIGNIN_PER_MINUTE;
    case "bad-key":
      return e.RATE_LIMIT_BAD_KEY_PER_MINUTE;
    case "email-sign-in-client":
      return e.RATE_LIMIT_EMAIL_SIGNIN_PER_MINUTE;
    case "email-sign-in-address":
      return e.RATE_LIMIT_EMAIL_SIGNIN_PER_ADDRESS_HOUR;
  }
}

/** @throws RateLimitedError (429 with Retry-After) when `subject` has used up this window's allowance (an hour for an email address, else a minute). */
export async function enforceRateLimit(kind: LimitKind, subject: string): Promise<void> {
  const limit = { max: maxFor(kind), windowMs: kind === "email-sign-in-address" ? 60 * MINUTE : MINUTE };
  const wait = kind === "api" ? await sharedLimiter().check(`${kind}:${subject}`, limit) : localLimiter().hit(`${kind}:${subject}`, limit);
  if (wait > 0) throw new RateLimitedError(wait);
}

const CLEANUP_JOB = "rate-limits.cleanup";

/** Drops finished windows every ten minutes so the table stays small; one job per ten-minute slot. */
export async function scheduleRateLimitCleanup(db: DbOrTx): Promise<void> {
  const runAt = now().getTime() + 10 * MINUTE;
  await enqueueJob(db, { kind: CLEANUP_JOB, runAt: new Date(runAt), uniqueKey: `${CLEANUP_JOB}:${Math.floor(runAt / (10 * MINUTE))}` });
}

export const rateLimitCleanupJob = defineJob(CLEANUP_JOB, noPayload, async (db) => {
  await db.execute(sql`DELETE FROM rate_limits WHERE window_start < ${new Date(now().getTime() - 10 * MINUTE).toISOString()}::timestamptz`);
  await scheduleRateLimitCleanup(db);
});
