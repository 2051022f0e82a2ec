import type { Db } from "@/lib/kernel/db";
import { issueCreditNote } from "@/lib/domain/payments/invoices/credit-note";
import { log } from "@/lib/kernel/log";
import { fromMinorUnits } from "@/lib/kernel/money";
import { postReversal } from "@/lib/domain/payments/fulfilment/reversals";
import { minorDigits } from "@/lib/kernel/money/limits";
import type { TopUpRow } from "@/lib/domain/payments/top-ups/store";
import { chargeSchema, disputeSchema, refundSchema, type RefundLite } from "./event-schemas";
import { expandableId } from "@/lib/domain/payments/stripe/expandable-id";
import { stripeClient } from "@/lib/domain/payments/stripe/client";
import { resolvePaidTopUp } from "./resolve-top-up";

const GONE = new Set(["failed", "canceled"]);

/** Stripe's minor units as an amount of the top-up's currency, or null when Stripe's currency is another. */
export function amountIn(t: TopUpRow, minor: number, currency: string) {
  const code = currency.toUpperCase();
  if (code !== t.currency) return null;
  return fromMinorUnits(BigInt(minor), minorDigits(code));
}

async function applyRefund(db: Db, t: TopUpRow, paymentIntentId: string, refund: RefundLite): Promise<boolean> {
  const amount = amountIn(t, refund.amount, refund.currency);
  if (!amount) {
    log.error("refund currency differs from its top-up; not applied", { topUpId: t.id, refundId: refund.id });
    return false;
  }
  const failed = GONE.has(refund.status ?? "");
  // Money that went back is documented once it has: a credit note against the payment's invoice.
  if (refund.status === "succeeded") await issueCreditNote(db, t.id, { refundId: refund.id, amount });
  return postReversal(db, t.id, {
    paymentIntentId,
    key: `refund:${refund.id}`,
    amount,
    category: "refund",
    description: "Refund",
    ...(failed ? { restoreKey: `refund-failed:${refund.id}`, restoreDescription: "Refund failed; credit restored" } : {}),
  });
}

/** charge.refunded: every refund on the charge, read from Stripe, is reversed once under its own id. */
export async function handleChargeRefunded(db: Db, object: unknown): Promise<string> {
  const parsed = chargeSchema.safeParse(object);
  if (!parsed.success || !parsed.data.payment_intent) return "malformed";
  const t = await resolvePaidTopUp(db, parsed.data.payment_intent);
  if (!t) return "unknown_top_up";
  let applied = 0;
  for await (const refund of stripeClient().refunds.list({ charge: parsed.data.id, limit: 100 })) {
    if (await applyRefund(db, t, parsed.data.payment_intent, refundSchema.parse(refund))) applied++;
  }
  return applied > 0 ? "refunded" : "no_change";
}

/** refund.created / refund.updated / refund.failed / charge.refund.updated. */
export async function handleRefund(db: Db, object: unknown): Promise<string> {
  const parsed = refundSchema.safeParse(object);
  if (!parsed.success || !parsed.data.payment_intent) return "malformed";
  const t = await resolvePaidTopUp(db, parsed.data.payment_intent);
  if (!t) return "unknown_top_up";
  return (await applyRefund(db, t, parsed.data.payment_intent, parsed.data)) ? "refunded" : "no_change";
}

/**
 * charge.dispute.*: a dispute takes the money back (inquiries, `warning_*`, take nothing); a won
 * dispute gives it back under a second key, written with the first so no order can lose it.
 */
export async function handleDispute(db: Db, object: unknown): Promise<string> {
  const parsed = disputeSchema.safeParse(object);
  if (!parsed.success) return "malformed";
  const d = parsed.data;
  if (d.status.startsWith("warning_") || d.status === "prevented") return "no_change";
  const piId = d.payment_intent ?? (d.charge ? await paymentIntentOfCharge(d.charge) : null);
  if (!piId) return "unknown_top_up";
  const t = await resolvePaidTopUp(db, piId);
  if (!t) return "unknown_top_up";
  const amount = amountIn(t, d.amount, d.currency);
  if (!amount) return "currency_mismatch";
  const won = d.status === "won";
  const written = await postReversal(db, t.id, {
    paymentIntentId: piId,
    key: `dispute:${d.id}`,
    amount,
    category: "dispute",
    description: "Payment disputed",
    ...(won ? { restoreKey: `dispute-won:${d.id}`, restoreDescription: "Dispute won; credit restored" } : {}),
  });
  return written ? (won ? "dispute_won" : "disputed") : "no_change";
}

async function paymentIntentOfCharge(chargeId: string): Promise<string | null> {
  const charge = await stripeClient().charges.retrieve(chargeId);
  return expandableId(charge.payment_intent);
}
