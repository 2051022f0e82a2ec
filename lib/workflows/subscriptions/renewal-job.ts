import type { Db } from "@/lib/kernel/db";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { z } from "zod";
import { payloadText } from "@/lib/kernel/jobs/payload";
import { defineJob } from "@/lib/kernel/jobs/registry";
import { driveAttempt } from "@/lib/domain/payments/auto-top-up/drive";
import { planRenewal, type RenewalPlan } from "./renewal";
import { RENEW_JOB } from "./store";

/**
 * A subscription's period end (or a retry after a declined renewal): plan under the lock, then charge
 * the saved card off-session with the auto top-up attempt machinery. A crash after the charge leaves
 * the attempt pending; its resume job sends it again with the same idempotency key.
 */
export async function renewSubscription(db: Db, subscriptionId: string): Promise<RenewalPlan> {
  const plan = await withTransaction(db, (tx) => planRenewal(tx, subscriptionId));
  if (plan.kind !== "none") await driveAttempt(db, plan.attemptId);
  return plan;
}

export const renewalJob = defineJob(RENEW_JOB, z.object({ subscriptionId: payloadText() }), (db, p) => renewSubscription(db, p.subscriptionId));
