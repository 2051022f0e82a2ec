import { now } from "@/lib/kernel/clock";
import type { DbOrTx } from "@/lib/kernel/db";
import { env } from "@/lib/kernel/env";
import { enqueueJob } from "@/lib/kernel/jobs/enqueue";
import { noPayload } from "@/lib/kernel/jobs/payload";
import { defineJob } from "@/lib/kernel/jobs/registry";
import { reconcileStripe } from "./reconcile";
import { logReconciliation } from "./report";

export const RECONCILE_STRIPE_JOB = "payments.reconcile-stripe";
const DAY_MS = 86_400_000;

/** One reconciliation per day while Stripe is configured; the day in the key keeps instances from doubling it. */
export async function scheduleStripeReconciliation(db: DbOrTx, inMs = 10 * 60_000): Promise<void> {
  const runAt = new Date(now().getTime() + inMs);
  await enqueueJob(db, { kind: RECONCILE_STRIPE_JOB, runAt, uniqueKey: `${RECONCILE_STRIPE_JOB}:${runAt.toISOString().slice(0, 10)}` });
}

export const reconcileStripeJob = defineJob(RECONCILE_STRIPE_JOB, noPayload, async (db) => {
  if (!env().STRIPE_SECRET_KEY) return;
  // Tomorrow's run is booked first, so a failing run (retried with back-off) never ends the schedule.
  await scheduleStripeReconciliation(db, DAY_MS);
  logReconciliation(await reconcileStripe(db));
});
