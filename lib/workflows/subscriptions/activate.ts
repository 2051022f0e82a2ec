import type { Tx } from "@/lib/kernel/db";
import { activateEntitlements } from "@/lib/domain/grants/entitlements";
import type { PlanFee } from "./plan-fee";
import { beginPeriod } from "./renew";
import { notifySubscription, type SubscriptionRow } from "./store";

/**
 * A pending subscription's first period is paid: it becomes active from `at` for one interval, its
 * included credits are granted (their refreshes follow the entitlement's own lifecycle), its
 * renewal is scheduled and the platform hears `subscription.activated`, all in the caller's
 * transaction (the one that recorded the payment). This is the one place a subscription starts.
 */
export async function activateSubscription(tx: Tx, sub: SubscriptionRow, fee: PlanFee, at: Date, paymentMethodId: string | null): Promise<void> {
  await beginPeriod(tx, sub, at, fee, paymentMethodId);
  await activateEntitlements(tx, { platformId: sub.platformId, liveMode: sub.liveMode }, sub.id, at);
  await notifySubscription(tx, sub.id, "subscription.activated");
}
