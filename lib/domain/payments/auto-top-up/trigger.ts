import type { Db } from "@/lib/kernel/db";
import { isUniqueViolation, withTransaction } from "@/lib/kernel/db/transaction";
import { faultPoint } from "@/lib/kernel/faults";
import type { CustomerScope } from "@/lib/kernel/scope";
import { runInBackground } from "./background";
import { driveAttempt } from "./drive";
import { planAttempt, type Plan } from "./plan";
import type { AccountRef } from "@/lib/domain/payments/attempts/store";

export interface TriggerOptions {
  /** The customer asked for it ("Try again now"): the back-off does not apply, the caps do. */
  manual?: boolean;
  /** Wait for the provider's answer instead of answering the caller first. */
  wait?: boolean;
}

/**
 * Starts an automatic top-up for the account if its rules allow one now. The attempt row commits
 * before the provider is called; the charge itself runs after the caller is answered unless `wait`.
 */
export async function triggerAutoTopUp(db: Db, scope: CustomerScope, account: AccountRef, options: TriggerOptions = {}): Promise<Plan> {
  let plan: Plan;
  try {
    plan = await withTransaction(db, (tx) => planAttempt(tx, scope, account, options));
  } catch (error) {
    // Another trigger for this account won the race for the one in-flight slot.
    if (isUniqueViolation(error)) return { kind: "none", reason: "An attempt is already in progress." };
    throw error;
  }
  if (plan.kind !== "attempt" && plan.kind !== "resume") return plan;
  if (plan.kind === "attempt") faultPoint("auto-top-up-after-attempt-row");
  const attemptId = plan.attemptId;
  if (options.wait) await driveAttempt(db, attemptId);
  else runInBackground(() => driveAttempt(db, attemptId), { attemptId, customerId: scope.customerId });
  return plan;
}
