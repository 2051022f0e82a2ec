import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { CustomerScope } from "@/lib/scope";

export const RESUME_ATTEMPT_JOB = "auto-top-up.resume";
export const RECONCILE_ATTEMPT_JOB = "auto-top-up.reconcile";
export const RETRY_AUTO_TOP_UP_JOB = "auto-top-up.retry";
export const APPLY_STRIPE_EVENT_JOB = "stripe-event.apply";

/** An attempt written this long ago and still unanswered is taken to have been interrupted. */
export const STALE_PENDING_MS = 60_000;
/** How long an accepted off-session payment may wait for its webhook before we ask Stripe ourselves. */
export const WEBHOOK_GRACE_MS = 10 * 60_000;

const after = (ms: number) => new Date(now().getTime() + ms);

// Each is enqueued in the transaction that makes it necessary, so it exists if and only if that change committed.

/** Re-drives the attempt with its own idempotency key if nothing settled it (a crash before the provider answered). */
export function scheduleResume(tx: DbOrTx, attemptId: string) {
  return enqueueJob(tx, { kind: RESUME_ATTEMPT_JOB, payload: { attemptId }, runAt: after(STALE_PENDING_MS), uniqueKey: `${RESUME_ATTEMPT_JOB}:${attemptId}` });
}

/** Asks the provider about an accepted payment whose webhook has not come. */
export function scheduleReconcile(tx: DbOrTx, attemptId: string) {
  return enqueueJob(tx, { kind: RECONCILE_ATTEMPT_JOB, payload: { attemptId }, runAt: after(WEBHOOK_GRACE_MS), uniqueKey: `${RECONCILE_ATTEMPT_JOB}:${attemptId}` });
}

/** The next try once a soft decline's back-off has passed (it charges only if the balance is still low). */
export function scheduleRetry(tx: DbOrTx, scope: CustomerScope, account: { name: string; asset: string }, attemptId: string, at: Date) {
  return enqueueJob(tx, { kind: RETRY_AUTO_TOP_UP_JOB, payload: { ...scope, ...account }, runAt: at, uniqueKey: `${RETRY_AUTO_TOP_UP_JOB}:${attemptId}` });
}

/** Applies a stored webhook event from its stored copy if its delivery did not get to apply it. */
export function scheduleEventReplay(tx: DbOrTx, eventId: string) {
  return enqueueJob(tx, { kind: APPLY_STRIPE_EVENT_JOB, payload: { eventId }, runAt: after(STALE_PENDING_MS), uniqueKey: `${APPLY_STRIPE_EVENT_JOB}:${eventId}` });
}
