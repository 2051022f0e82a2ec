import { now } from "@/lib/kernel/clock";
import type { DbOrTx } from "@/lib/kernel/db";
import { enqueueJob } from "@/lib/kernel/jobs/enqueue";
import type { CustomerScope } from "@/lib/kernel/scope";

export const RESUME_ATTEMPT_JOB = "auto-top-up.resume";
export const RECONCILE_ATTEMPT_JOB = "auto-top-up.reconcile";
export const RETRY_AUTO_TOP_UP_JOB = "auto-top-up.retry";

/** An attempt written this long ago and still unanswered is taken to have been interrupted. */
export const STALE_PENDING_MS = 60_000;
/** How long an accepted off-session payment may wait for its webhook before we ask Stripe ourselves. */
const WEBHOOK_GRACE_MS = 10 * 60_000;

/**
 * Enqueues in the caller's transaction, so the job exists if and only if the change that needs it
 * committed. The customer is part of the unique key; `dueAt` records when it
 * was meant to run even after retries move run_at.
 */
function schedule(tx: DbOrTx, kind: string, owner: string, id: string, payload: Record<string, unknown>, runAt: Date) {
  return enqueueJob(tx, { kind, payload: { ...payload, dueAt: runAt.toISOString() }, runAt, uniqueKey: `${kind}:${owner}:${id}` });
}

const after = (ms: number) => new Date(now().getTime() + ms);

/** Re-drives the attempt with its own idempotency key if nothing settled it (a crash before the provider answered). */
export function scheduleResume(tx: DbOrTx, customerId: string, attemptId: string) {
  return schedule(tx, RESUME_ATTEMPT_JOB, customerId, attemptId, { attemptId }, after(STALE_PENDING_MS));
}

/** Asks the provider about an accepted payment whose webhook has not come. */
export function scheduleReconcile(tx: DbOrTx, customerId: string, attemptId: string) {
  return schedule(tx, RECONCILE_ATTEMPT_JOB, customerId, attemptId, { attemptId }, after(WEBHOOK_GRACE_MS));
}

/** The next try once a soft decline's back-off has passed (it charges only if the balance is still low). */
export function scheduleRetry(tx: DbOrTx, scope: CustomerScope, account: { name: string; asset: string }, attemptId: string, at: Date) {
  return schedule(tx, RETRY_AUTO_TOP_UP_JOB, scope.customerId, attemptId, { ...scope, ...account }, at);
}

