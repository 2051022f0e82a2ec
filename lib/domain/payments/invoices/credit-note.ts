import { now } from "@/lib/kernel/clock";
import type { Db } from "@/lib/kernel/db";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { Decimal, dec } from "@/lib/kernel/money";
import { minorDigits } from "@/lib/kernel/money/limits";
import { lockTopUp } from "@/lib/domain/payments/top-ups/store";
import type { DocumentTax } from "./document";
import { buyerOf, findIssued, insertDocument, sellerOf } from "./issue";
import { documentOf, type InvoiceRow } from "./serialize";

export interface RefundIssued {
  /** The provider's refund id: one credit note per refund, ever. */
  refundId: string;
  /** Money returned, in the invoice's currency, tax included. */
  amount: Decimal;
}

/** The invoice's tax in the share the refund returns of its total (all of it for a full refund). */
function refundedTax(invoice: InvoiceRow, amount: Decimal): DocumentTax[] {
  const d = documentOf(invoice);
  const share = amount.dividedBy(dec(d.total));
  const digits = minorDigits(d.currency);
  return d.taxes.map((t) => {
    const tax = amount.eq(dec(d.total)) ? dec(t.amount) : dec(t.amount).times(share).toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
    return { ...t, taxable: amount.minus(tax).toString(), amount: tax.toString() };
  });
}

/**
 * A refund of an invoiced payment issues a credit note that names the invoice, numbered in its own
 * gapless series in the same way. A payment invoiced before invoices existed gets none.
 */
export async function issueCreditNote(db: Db, topUpId: string, refund: RefundIssued): Promise<InvoiceRow | null> {
  return withTransaction(db, async (tx) => {
    const t = await lockTopUp(tx, topUpId);
    if (!t) return null;
    const sourceKey = `refund:${refund.refundId}`;
    const existing = await findIssued(tx, t, sourceKey);
    if (existing) return existing;
    const invoice = await findIssued(tx, t, `top_up:${t.id}`);
    if (!invoice || !refund.amount.gt(0)) return null;
    const original = documentOf(invoice);
    const { seller, invoicing } = await sellerOf(tx, t);
    const { buyer, locale } = await buyerOf(tx, t);
    const taxes = refundedTax(invoice, refund.amount);
    const taxTotal = taxes.reduce((s, x) => s.plus(dec(x.amount)), dec("0"));
    const inclusive = original.tax_behavior === "inclusive";
    const lineAmount = inclusive ? refund.amount : refund.amount.minus(taxTotal);
    const issuedAt = now().toISOString();
    return insertDocument(
      tx, t, "credit_note", sourceKey,
      (number) => ({
        kind: "credit_note", number, live_mode: t.liveMode, locale, issued_at: issuedAt, supply_date: issuedAt, currency: t.currency,
        seller, buyer, tax_behavior: original.tax_behavior, taxes,
        lines: [{ kind: "refund", description: `Refund: ${original.lines[0]?.description ?? original.number}`, quantity: null, rate: null, period: null, amount: lineAmount.toString() }],
        subtotal: lineAmount.toString(), total_excluding_tax: refund.amount.minus(taxTotal).toString(), tax_total: taxTotal.toString(), total: refund.amount.toString(),
        payment: { ...original.payment, paid_at: issuedAt, status: "refunded" },
        credited_invoice: { id: invoice.id, number: invoice.number }, footer: invoicing.invoices.footer,
      }),
      invoice.id,
    );
  });
}
