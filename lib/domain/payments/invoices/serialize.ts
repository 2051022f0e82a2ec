import type { invoices } from "@/lib/kernel/db/schema";
import { dec } from "@/lib/kernel/money";
import type { InvoiceDocument } from "./document";

export type InvoiceRow = typeof invoices.$inferSelect;

export function documentOf(row: InvoiceRow): InvoiceDocument {
  return row.document as unknown as InvoiceDocument;
}

/** An invoice or credit note as the API and the invoice.issued webhook show it. */
export function serializeInvoice(row: InvoiceRow) {
  const d = documentOf(row);
  return {
    id: row.id,
    object: row.kind,
    number: row.number,
    customer_id: row.customerId,
    top_up_id: row.topUpId,
    credited_invoice_id: row.creditedInvoiceId,
    status: d.payment.status,
    currency: row.currency,
    issued_at: d.issued_at,
    supply_date: d.supply_date,
    locale: d.locale,
    seller: d.seller,
    buyer: d.buyer,
    // Amounts are exact decimals, written as JSON numbers like every amount in the API.
    lines: d.lines.map((l) => ({ ...l, quantity: l.quantity && { value: dec(l.quantity.value), unit: l.quantity.unit }, rate: l.rate && dec(l.rate), amount: dec(l.amount) })),
    tax_behavior: d.tax_behavior,
    taxes: d.taxes.map((t) => ({ ...t, rate: t.rate && dec(t.rate), taxable: dec(t.taxable), amount: dec(t.amount) })),
    subtotal: dec(d.subtotal),
    total_excluding_tax: dec(d.total_excluding_tax),
    tax_total: dec(d.tax_total),
    total: dec(d.total),
    payment: d.payment,
    footer: d.footer,
    pdf_url: `/api/v1/invoices/${row.id}/pdf`,
    live_mode: row.liveMode,
  };
}
