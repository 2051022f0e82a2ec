import { eq } from "drizzle-orm";
import type { Db } from "@/lib/kernel/db";
import { topUps } from "@/lib/kernel/db/schema";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { fromMinorUnits } from "@/lib/kernel/money";
import { minorDigits } from "@/lib/kernel/money/limits";
import { lockTopUp } from "@/lib/domain/payments/top-ups/store";
import { getPlatformSettings } from "@/lib/domain/platforms/settings";
import { issueInvoice } from "./issue";
import { findPaymentTax, recordPaymentTax, usesStripeTax } from "@/lib/domain/payments/top-ups/payment-tax";

export interface CheckoutTotals {
  topUpId: string;
  /** Minor units, as Stripe reports them on the completed Checkout Session. */
  amountTotal: number;
  amountTax: number;
  currency: string;
  country: string | null;
}

/**
 * Records the tax Stripe Tax computed in a completed Checkout, once, before its payment is applied: the
 * payment is then checked against Stripe's total and its invoice carries Stripe's tax.
 */
export async function recordStripeTax(db: Db, totals: CheckoutTotals): Promise<void> {
  const [t] = await db.select().from(topUps).where(eq(topUps.id, totals.topUpId)).limit(1);
  if (!t || totals.currency.toUpperCase() !== t.currency || !(await usesStripeTax(db, t)) || (await findPaymentTax(db, t.id))) return;
  const { behavior } = (await getPlatformSettings(db, t)).invoicing.tax;
  const digits = minorDigits(t.currency);
  const total = fromMinorUnits(BigInt(totals.amountTotal), digits);
  const tax = fromMinorUnits(BigInt(totals.amountTax), digits);
  await recordPaymentTax(db, t, { source: "stripe_tax", behavior, country: totals.country, name: "Tax", rate: null, net: total.minus(tax), tax, total });
}

/**
 * Issues the invoice of a Stripe Tax payment that was paid before Checkout's completion told its tax
 * (events arrive in any order): settlement leaves such a payment uninvoiced rather than invoice it without tax.
 */
export async function issueAfterStripeTax(db: Db, topUpId: string): Promise<void> {
  await withTransaction(db, async (tx) => {
    const t = await lockTopUp(tx, topUpId);
    if (!t || t.status !== "completed" || !t.paymentIntentId || !(await findPaymentTax(tx, t.id))) return;
    await issueInvoice(tx, t, { paymentIntentId: t.paymentIntentId, card: t.cardBrand && t.cardLast4 ? { brand: t.cardBrand, last4: t.cardLast4 } : null });
  });
}
