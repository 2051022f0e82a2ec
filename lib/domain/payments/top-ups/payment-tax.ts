import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { paymentTaxes } from "@/lib/kernel/db/schema";
import { Decimal, dec } from "@/lib/kernel/money";
import type { TopUpRow } from "./store";
import { getPlatformSettings } from "@/lib/domain/platforms/settings";
import { getBillingDetails } from "@/lib/domain/customers/billing-details";
import { quoteFromTable, type TaxQuote } from "@/lib/domain/platforms/invoicing/tax";

export type PaymentTaxRow = typeof paymentTaxes.$inferSelect;

export async function findPaymentTax(db: DbOrTx, topUpId: string): Promise<PaymentTaxRow | null> {
  const [row] = await db.select().from(paymentTaxes).where(eq(paymentTaxes.topUpId, topUpId)).limit(1);
  return row ?? null;
}

export async function recordPaymentTax(db: DbOrTx, t: TopUpRow, quote: TaxQuote): Promise<PaymentTaxRow> {
  await db
    .insert(paymentTaxes)
    .values({
      topUpId: t.id, platformId: t.platformId, liveMode: t.liveMode, source: quote.source, behavior: quote.behavior,
      country: quote.country, name: quote.name, rate: quote.rate?.toString() ?? null,
      net: quote.net.toString(), tax: quote.tax.toString(), total: quote.total.toString(),
    })
    .onConflictDoNothing();
  return (await findPaymentTax(db, t.id))!;
}

/** Whether Stripe Tax, not the rate table, computes this payment's tax (Checkout only: it needs the buyer's address there). */
export async function usesStripeTax(db: DbOrTx, t: TopUpRow): Promise<boolean> {
  if (t.provider !== "stripe" || t.attemptId) return false;
  return (await getPlatformSettings(db, t)).invoicing.tax.stripeTax;
}

/**
 * The tax on a payment, fixed once before it is first charged (from the rate table, for the buyer's
 * billing country then), so a retried charge asks exactly the same amount. Null under Stripe Tax,
 * whose answer is recorded when Checkout completes.
 */
export async function fixPaymentTax(db: DbOrTx, t: TopUpRow): Promise<PaymentTaxRow | null> {
  const existing = await findPaymentTax(db, t.id);
  if (existing || (await usesStripeTax(db, t))) return existing;
  const { tax } = (await getPlatformSettings(db, t)).invoicing;
  const details = await getBillingDetails(db, t);
  return recordPaymentTax(db, t, quoteFromTable(tax.rates, tax.behavior, details?.address.country ?? null, dec(t.amount), t.currency));
}

/** What the customer is charged for a payment: its price, plus tax when prices exclude it. */
export async function chargeAmount(db: DbOrTx, t: TopUpRow): Promise<Decimal> {
  const tax = await fixPaymentTax(db, t);
  return dec(tax?.total ?? t.amount);
}

/** What a succeeded payment must amount to: the recorded total, else the price. */
export async function expectedCharge(db: DbOrTx, t: TopUpRow): Promise<Decimal> {
  const tax = await findPaymentTax(db, t.id);
  return dec(tax?.total ?? t.amount);
}
