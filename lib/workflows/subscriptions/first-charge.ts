import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { Db, Tx } from "@/lib/kernel/db";
import { topUps } from "@/lib/kernel/db/schema";
import { newId } from "@/lib/kernel/ids";
import { ensureCheckout } from "@/lib/domain/payments/top-ups/checkout";
import type { TopUpRow } from "@/lib/domain/payments/top-ups/store";
import { providerKindFor } from "@/lib/domain/payments/select-provider";
import { inScope, type CustomerScope } from "@/lib/kernel/scope";
import type { PlanFee } from "./plan-fee";

// Stripe Checkout Sessions live at most 24 hours; the first payment can be made until then.
const FIRST_CHARGE_LIFETIME_MS = 23 * 60 * 60 * 1000;

/**
 * The payment (an order) a subscription is charged, written like a top-up so Checkout, off-session
 * charges, webhooks and receipts all work the same, but with origin "subscription": it pays the plan
 * and credits no wallet. account_name holds the subscription id, so it never counts as a wallet's
 * pending top-up.
 */
export function subscriptionChargeRow(
  scope: CustomerScope,
  sub: { id: string; returnUrl: string | null; failureUrl: string | null },
  fee: PlanFee,
  periodStart: Date | null,
  provider: TopUpRow["provider"],
  lifetimeMs: number | null,
): TopUpRow {
  const at = now();
  return {
    id: newId("topUp", at.getTime()), ...scope, origin: "subscription", provider, status: "initiated",
    amount: fee.amount.toString(), currency: fee.currency, accountName: sub.id, assetCode: fee.currency, units: "0",
    rate: null, inverseRate: null, rateSource: null, description: fee.name, metadata: null, creditExpiresAt: null,
    returnUrl: sub.returnUrl, failureUrl: sub.failureUrl, idempotencyKey: null, requestHash: null, checkoutSessionId: null,
    checkoutUrl: null, paymentIntentId: null, attemptId: null, cardBrand: null, cardLast4: null, receiptUrl: null,
    failureCode: null, failureMessage: null, transferId: null, subscriptionId: sub.id, periodStart, createdAt: at,
    expiresAt: lifetimeMs === null ? null : new Date(at.getTime() + lifetimeMs), completedAt: null, updatedAt: at,
  };
}

/**
 * Records the first charge of a subscription that starts pending, in the subscribe transaction.
 * @throws PaymentsUnavailableError (live mode without Stripe), so nothing is subscribed
 */
export async function createFirstCharge(tx: Tx, scope: CustomerScope, sub: { id: string; returnUrl: string | null; failureUrl: string | null }, fee: PlanFee): Promise<void> {
  const provider = providerKindFor(scope);
  await tx.insert(topUps).values(subscriptionChargeRow(scope, sub, fee, null, provider, FIRST_CHARGE_LIFETIME_MS));
}

/**
 * Opens Checkout for the customer's first charges that have none yet, after the subscribe
 * transaction committed (a provider call never runs inside a transaction).
 * @throws PaymentProviderUnavailableError; the subscription stays pending without a link
 */
export async function openFirstCheckouts(db: Db, scope: CustomerScope): Promise<void> {
  const rows = await db
    .select()
    .from(topUps)
    .where(
      and(
        inScope(topUps, scope),
        eq(topUps.customerId, scope.customerId),
        isNotNull(topUps.subscriptionId),
        isNull(topUps.periodStart),
        isNull(topUps.checkoutUrl),
        eq(topUps.status, "initiated"),
      ),
    );
  for (const row of rows) await ensureCheckout(db, row);
}
