import { and, eq, inArray, sql } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { Tx } from "@/lib/kernel/db";
import { autoTopUpAttempts, topUps } from "@/lib/kernel/db/schema";
import { newId } from "@/lib/kernel/ids";
import { findPaymentCustomer } from "@/lib/domain/payments/customers";
import { PaymentsUnavailableError } from "@/lib/domain/payments/errors";
import { scheduleResume, STALE_PENDING_MS } from "@/lib/domain/payments/job-kinds";
import { providerKindFor } from "@/lib/domain/payments/select-provider";
import type { ProviderKind } from "@/lib/domain/payments/provider/types";
import { subscriptionChargeRow } from "./first-charge";
import { planFeeOf, type PlanFee } from "./plan-fee";
import { renewalDeclined } from "./renewal-declined";
import { lockSubscription, notifySubscription, updateSubscription, type SubscriptionRow } from "./store";

export type RenewalPlan = { kind: "none"; reason: string } | { kind: "attempt" | "resume"; attemptId: string };

const none = (reason: string): RenewalPlan => ({ kind: "none", reason });

/** A plan change the customer chose takes effect here, at the start of the period it is first charged for. */
async function applyScheduledSwitch(tx: Tx, sub: SubscriptionRow): Promise<void> {
  if (!sub.scheduledProductId || sub.scheduledVersion === null) return;
  const fee = await planFeeOf(tx, sub.id);
  if (fee) {
    await tx.execute(sql`
      UPDATE subscription_products SET product_id = ${sub.scheduledProductId}, version = ${sub.scheduledVersion}
      WHERE subscription_id = ${sub.id} AND position = ${fee.position}`);
  }
  await updateSubscription(tx, sub.id, { scheduledProductId: null, scheduledVersion: null });
}

async function openAttempt(tx: Tx, sub: SubscriptionRow) {
  const [row] = await tx
    .select()
    .from(autoTopUpAttempts)
    .where(and(eq(autoTopUpAttempts.purpose, "renewal"), eq(autoTopUpAttempts.accountName, sub.id), inArray(autoTopUpAttempts.status, ["pending", "processing"])))
    .limit(1);
  return row ?? null;
}

/** The customer's default card first (they may have changed it in the portal), else the card the plan was first paid with. */
async function cardFor(tx: Tx, sub: SubscriptionRow, provider: ProviderKind): Promise<string | null> {
  const customer = await findPaymentCustomer(tx, { platformId: sub.platformId, liveMode: sub.liveMode, customerId: sub.customerId }, provider);
  return customer?.defaultPaymentMethodId ?? sub.paymentMethodId;
}

/** Writes the renewal charge and its attempt before any provider call: the attempt id is the charge's idempotency key. */
async function writeAttempt(tx: Tx, sub: SubscriptionRow, fee: PlanFee, provider: ProviderKind, card: string): Promise<string> {
  const scope = { platformId: sub.platformId, liveMode: sub.liveMode, customerId: sub.customerId };
  const at = now();
  const attemptId = newId("attempt", at.getTime());
  const charge = { ...subscriptionChargeRow(scope, sub, fee, sub.currentPeriodEnd, provider, null), attemptId };
  await tx.insert(autoTopUpAttempts).values({
    id: attemptId, ...scope, purpose: "renewal", accountName: sub.id, assetCode: fee.currency, status: "pending",
    amount: fee.amount.toString(), currency: fee.currency, paymentMethodId: card, topUpId: charge.id,
    reason: "Charging your card for the next period.", createdAt: at, updatedAt: at,
  });
  await tx.insert(topUps).values(charge);
  await scheduleResume(tx, sub.customerId, attemptId);
  return attemptId;
}

/**
 * Decides, under the subscription's lock, what its period end means: cancel (asked for at period
 * end), resume an interrupted charge, or write a new renewal charge to send. Runs in the caller's
 * transaction; the provider is called only after it commits.
 */
export async function planRenewal(tx: Tx, subscriptionId: string): Promise<RenewalPlan> {
  const sub = await lockSubscription(tx, subscriptionId);
  if (!sub || (sub.status !== "active" && sub.status !== "past_due") || !sub.currentPeriodEnd) return none("Nothing to renew.");
  if (sub.currentPeriodEnd > now()) return none("The period has not ended.");
  if (sub.cancelAtPeriodEnd) {
    await updateSubscription(tx, sub.id, { status: "canceled", canceledAt: sub.currentPeriodEnd });
    await notifySubscription(tx, sub.id, "subscription.canceled", { reason: "canceled_at_period_end" });
    return none("Canceled at the end of the period.");
  }
  const open = await openAttempt(tx, sub);
  if (open) {
    const stale = open.status === "pending" && now().getTime() - open.updatedAt.getTime() > STALE_PENDING_MS;
    return stale ? { kind: "resume", attemptId: open.id } : none("A renewal charge is in progress.");
  }
  await applyScheduledSwitch(tx, sub);
  const fee = await planFeeOf(tx, sub.id);
  if (!fee) return none("The subscription has no fixed price.");
  let provider: ProviderKind;
  try {
    provider = providerKindFor(sub);
  } catch (error) {
    if (!(error instanceof PaymentsUnavailableError)) throw error;
    await renewalDeclined(tx, { accountName: sub.id }, error.message);
    return none(error.message);
  }
  const card = await cardFor(tx, sub, provider);
  if (!card) {
    await renewalDeclined(tx, { accountName: sub.id }, "No saved card to charge.");
    return none("No saved card.");
  }
  return { kind: "attempt", attemptId: await writeAttempt(tx, sub, fee, provider, card) };
}
