import type { Tx } from "@/lib/kernel/db";
import type { PaidPlanCharge } from "@/lib/domain/payments/settlement-hooks";
import { log } from "@/lib/kernel/log";
import { activateSubscription } from "./activate";
import { planFeeOf } from "./plan-fee";
import { startNextPeriod } from "./renew";
import { lockSubscription } from "./store";


/**
 * A subscription charge succeeded (a hook payment fulfilment calls, in its transaction, once per
 * charge). A first charge activates a pending subscription; a renewal charge starts the period it
 * paid for. Anything else (a late duplicate, a subscription canceled meanwhile) changes nothing.
 */
export async function subscriptionChargePaid(tx: Tx, charge: PaidPlanCharge, paidAt: Date, paymentMethodId: string | null): Promise<void> {
  if (!charge.subscriptionId) return;
  const sub = await lockSubscription(tx, charge.subscriptionId);
  if (!sub) return;
  const fee = await planFeeOf(tx, sub.id);
  if (sub.status === "pending" && charge.periodStart === null && fee) {
    await activateSubscription(tx, sub, fee, paidAt, paymentMethodId);
    return;
  }
  const renews = (sub.status === "active" || sub.status === "past_due") && charge.periodStart && sub.currentPeriodEnd?.getTime() === charge.periodStart.getTime();
  if (renews) {
    await startNextPeriod(tx, sub, fee, paymentMethodId);
    return;
  }
  log.warn("subscription charge paid but changes nothing", { chargeId: charge.id, subscriptionId: sub.id, status: sub.status });
}
