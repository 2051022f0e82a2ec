import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/lib/kernel/db";
import { subscriptions } from "@/lib/kernel/db/schema";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { NotFoundError, ValidationError } from "@/lib/kernel/errors";
import { isId } from "@/lib/kernel/ids";
import { inScope, type CustomerScope } from "@/lib/kernel/scope";
import { planFeeOf } from "./plan-fee";
import { publishedPlans } from "./portal-plan";
import { notifySubscription, updateSubscription, type SubscriptionRow } from "./store";

/** Runs `change` under the lock of the customer's own subscription. @throws NotFoundError */
async function withOwnSubscription<T>(db: Db, scope: CustomerScope, id: string, change: (sub: SubscriptionRow, tx: Tx) => Promise<T>): Promise<T> {
  if (!isId("subscription", id)) throw new NotFoundError("Subscription");
  return withTransaction(db, async (tx) => {
    const [sub] = await tx
      .select()
      .from(subscriptions)
      .where(and(inScope(subscriptions, scope), eq(subscriptions.customerId, scope.customerId), eq(subscriptions.id, id)))
      .for("update");
    if (!sub) throw new NotFoundError("Subscription");
    return change(sub, tx);
  });
}

const RUNNING = ["active", "past_due"];

/**
 * Cancel at the end of the paid period (`cancel` true), or take that back before it ends. Nothing is
 * refunded: the plan runs to its period end, and the renewal job cancels it instead of charging.
 * Cancelling drops a switch waiting for the next renewal, since there will be none, and tells the
 * platform, with the customer's reason when they gave one.
 * @throws NotFoundError, ValidationError
 */
export async function setCancelAtPeriodEnd(db: Db, scope: CustomerScope, id: string, cancel: boolean, reason: string | null = null): Promise<void> {
  await withOwnSubscription(db, scope, id, async (sub, tx) => {
    if (!RUNNING.includes(sub.status)) throw ValidationError.field("subscription", "Only an active plan can be canceled or kept.");
    if (sub.cancelAtPeriodEnd === cancel) return;
    await updateSubscription(tx, sub.id, cancel ? { cancelAtPeriodEnd: true, scheduledProductId: null, scheduledVersion: null } : { cancelAtPeriodEnd: false });
    if (cancel) await notifySubscription(tx, sub.id, "subscription.cancel_scheduled", { reason: reason ?? null });
  });
}

/**
 * Switches plan at the next renewal, without proration: the current plan runs to its period end, then
 * the new plan's price is charged and its period starts. Choosing the current plan drops a pending
 * switch. Choosing a plan also keeps the subscription going (it undoes a cancel at period end).
 * @throws NotFoundError, ValidationError
 */
export async function switchPlan(db: Db, scope: CustomerScope, id: string, code: string): Promise<void> {
  const plans = await publishedPlans(db, scope);
  // The subscription is looked up first: another customer's id is a 404 whatever the code says.
  await withOwnSubscription(db, scope, id, async (sub, tx) => {
    const target = plans.find((p) => p.code === code);
    if (!target) throw ValidationError.field("code", "Choose one of the published plans.");
    if (sub.status !== "active") throw ValidationError.field("subscription", "The plan can be changed while it is active and paid up.");
    const fee = await planFeeOf(tx, sub.id);
    if (!fee) throw ValidationError.field("subscription", "This subscription has no plan to change.");
    const same = fee.productId === target.productId;
    await updateSubscription(tx, sub.id, {
      scheduledProductId: same ? null : target.productId,
      scheduledVersion: same ? null : target.version,
      cancelAtPeriodEnd: false,
    });
  });
}
