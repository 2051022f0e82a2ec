import type { Tx } from "@/lib/kernel/db";
import { now } from "@/lib/kernel/clock";
import { retryAt } from "./periods";
import { lockSubscription, notifySubscription, scheduleRenewal, updateSubscription } from "./store";

/**
 * A renewal charge was refused, in the transaction that settles it. The subscription goes past due
 * (usage is still billed) and the renewal is retried on the schedule in periods.ts; once the last
 * retry is refused it is canceled. The platform hears past_due once, then canceled.
 */
export async function renewalDeclined(tx: Tx, attempt: { accountName: string }, reason: string): Promise<void> {
  const sub = await lockSubscription(tx, attempt.accountName);
  if (!sub || (sub.status !== "active" && sub.status !== "past_due") || !sub.currentPeriodEnd) return;
  const failures = sub.renewalFailures + 1;
  const next = retryAt(sub.currentPeriodEnd, failures);
  if (!next) {
    await updateSubscription(tx, sub.id, { status: "canceled", canceledAt: now(), renewalFailures: failures });
    await notifySubscription(tx, sub.id, "subscription.canceled", { reason: "renewal_failed", decline_reason: reason });
    return;
  }
  await updateSubscription(tx, sub.id, { status: "past_due", renewalFailures: failures });
  await scheduleRenewal(tx, sub, sub.currentPeriodEnd, next, failures);
  if (sub.status === "active") await notifySubscription(tx, sub.id, "subscription.past_due", { decline_reason: reason, next_retry_at: next.toISOString() });
}
