import type { Tx } from "@/lib/kernel/db";
import { addInterval } from "./periods";
import type { PlanFee } from "./plan-fee";
import { notifySubscription, scheduleRenewal, updateSubscription, type SubscriptionRow } from "./store";

/**
 * Makes the subscription active for the period from `start`, one interval of its fee long (open-ended
 * without a fee), and books the renewal at its end: what every paid period does, first or later.
 */
export async function beginPeriod(tx: Tx, sub: SubscriptionRow, start: Date, fee: PlanFee | null, paymentMethodId: string | null): Promise<void> {
  const end = fee ? addInterval(start, fee.interval, fee.intervalCount) : null;
  await updateSubscription(tx, sub.id, {
    status: "active",
    currentPeriodStart: start,
    currentPeriodEnd: end,
    paymentMethodId: paymentMethodId ?? sub.paymentMethodId,
    renewalFailures: 0,
  });
  if (end) await scheduleRenewal(tx, sub, end, end, 0);
}

/**
 * The next period starts where the last one ended (not when the charge went through, so retries do
 * not drift the billing date). A subscription that was past due is active again and the platform
 * hears `subscription.activated`. This is the one place a period starts after the first.
 */
export async function startNextPeriod(tx: Tx, sub: SubscriptionRow, fee: PlanFee | null, paymentMethodId: string | null): Promise<void> {
  await beginPeriod(tx, sub, sub.currentPeriodEnd!, fee, paymentMethodId);
  if (sub.status === "past_due") await notifySubscription(tx, sub.id, "subscription.activated", { recovered: true });
}
