import { now } from "@/lib/kernel/clock";
import type { Db, Tx } from "@/lib/kernel/db";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { applyTopUpBonus } from "@/lib/domain/grants/coupons/top-up-bonus";
import { paidCreditExpiry, postGrant } from "@/lib/domain/grants/create-grant";
import type { TransferInput } from "@/lib/domain/ledger";
import { issueInvoice } from "@/lib/domain/payments/invoices/issue";
import { expectedCharge } from "@/lib/domain/payments/top-ups/payment-tax";
import { log } from "@/lib/kernel/log";
import { dec, toMinorUnits } from "@/lib/kernel/money";
import { planChargeHooks } from "@/lib/domain/payments/settlement-hooks";
import { markAttemptSucceeded } from "@/lib/domain/payments/attempts/outcome";
import { setDefaultPaymentMethod } from "@/lib/domain/payments/customers";
import { minorDigits } from "@/lib/kernel/money/limits";
import { notifyTopUp } from "@/lib/domain/payments/notify";
import type { PaymentState, ProviderKind } from "@/lib/domain/payments/provider/types";
import { lockTopUp, updateTopUp, type TopUpRow, isPlanCharge } from "@/lib/domain/payments/top-ups/store";

export type CreditResult = "credited" | "already_credited" | "amount_mismatch" | "unknown_top_up";

/** The one credit a PaymentIntent ever produces: its key is the PaymentIntent id, unique forever. */
function creditTransfer(t: TopUpRow, paymentIntentId: string): TransferInput {
  return {
    idempotencyKey: `pi:${paymentIntentId}`,
    category: t.origin === "auto" ? "auto_top_up" : "top_up",
    asset: t.assetCode,
    amount: dec(t.units),
    from: { kind: "system", name: "payments", asset: t.assetCode, shardKey: t.customerId },
    to: { kind: "wallet", customerId: t.customerId, name: t.accountName, asset: t.assetCode },
    customerId: t.customerId,
    description: t.description ?? (t.origin === "auto" ? "Automatic top-up" : "Top-up"),
    reference: { type: "top_up", id: t.id },
    metadata: t.metadata ?? null,
  };
}

/** The payment must be the top-up's price, plus its tax when prices exclude tax. */
async function amountMatches(tx: Tx, t: TopUpRow, state: PaymentState): Promise<boolean> {
  if (state.currency !== t.currency) return false;
  const digits = minorDigits(t.currency);
  return toMinorUnits(state.amount, digits) === toMinorUnits(await expectedCharge(tx, t), digits);
}

async function recordCompletion(tx: Tx, t: TopUpRow, state: PaymentState, transferId: string | null): Promise<void> {
  await updateTopUp(tx, t.id, {
    status: "completed",
    paymentIntentId: state.paymentIntentId,
    transferId,
    completedAt: t.completedAt ?? now(),
    cardBrand: state.card?.brand ?? t.cardBrand,
    cardLast4: state.card?.last4 ?? t.cardLast4,
    receiptUrl: state.receiptUrl ?? t.receiptUrl,
    failureCode: null,
    failureMessage: null,
  });
  const scope = { platformId: t.platformId, liveMode: t.liveMode, customerId: t.customerId };
  // A card saved while paying becomes the default when the customer has none yet.
  if (state.paymentMethodId) await setDefaultPaymentMethod(tx, scope, t.provider as ProviderKind, state.paymentMethodId, { onlyIfUnset: true });
  if (t.attemptId) await markAttemptSucceeded(tx, t.attemptId);
  if (t.status !== "completed") await notifyTopUp(tx, t.id, "top_up.completed");
}

/** A subscription charge pays the plan, not a wallet: no transfer; the subscription starts or renews in this transaction. */
async function paySubscriptionCharge(tx: Tx, t: TopUpRow, state: PaymentState): Promise<CreditResult> {
  if (t.status === "completed") return "already_credited";
  await recordCompletion(tx, t, state, null);
  await planChargeHooks().chargePaid(tx, t, now(), state.paymentMethodId);
  // After the subscription moved to the period this charge paid for, which the invoice names.
  await issueInvoice(tx, t, state);
  return "credited";
}

/**
 * Credits a succeeded payment to its top-up's wallet account and marks the top-up completed, in one
 * transaction under the top-up's lock. Any number of deliveries, in any order and concurrently,
 * produce one credit: the ledger refuses a second transfer with the PaymentIntent's key.
 */
export async function creditTopUp(db: Db, topUpId: string, state: PaymentState): Promise<CreditResult> {
  return withTransaction(db, async (tx) => {
    const t = await lockTopUp(tx, topUpId);
    if (!t) return "unknown_top_up";
    if (!(await amountMatches(tx, t, state))) {
      log.error("payment does not match its top-up; not credited", { topUpId, paymentIntentId: state.paymentIntentId, amount: state.amount.toString(), currency: state.currency });
      await updateTopUp(tx, t.id, { failureCode: "amount_mismatch", failureMessage: "The payment received does not match this top-up; support has been alerted." });
      return "amount_mismatch";
    }
    if (isPlanCharge(t)) return paySubscriptionCharge(tx, t, state);
    const scope = { platformId: t.platformId, liveMode: t.liveMode };
    const transfer = creditTransfer(t, state.paymentIntentId);
    const { result } = await postGrant(tx, scope, transfer, { purpose: "paid", source: "top_up", sourceId: t.id, expiresAt: t.creditExpiresAt ?? paidCreditExpiry(now()) });
    const posted = result.transfers[0]!;
    if (posted.created) await applyTopUpBonus(tx, scope, t.customerId, transfer);
    if (t.paymentIntentId && t.paymentIntentId !== state.paymentIntentId) {
      // Money that arrived is always credited, but the top-up keeps describing its first payment.
      log.error("second payment for one top-up credited separately", { topUpId, paymentIntentId: state.paymentIntentId });
    } else {
      await recordCompletion(tx, t, state, posted.transferId);
      await issueInvoice(tx, t, state);
    }
    return posted.created ? "credited" : "already_credited";
  });
}
