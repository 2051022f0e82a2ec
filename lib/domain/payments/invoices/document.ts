import type { Seller, TaxBehavior } from "@/lib/domain/platforms/invoicing/settings";

/*
 * An issued document as stored (invoices.document) and rendered: everything it says is fixed when it
 * is issued. Amounts are decimal strings in `currency`; formatting happens when it is rendered.
 */

export type DocumentKind = "invoice" | "credit_note";

export interface DocumentLine {
  kind: "top_up" | "bonus" | "plan" | "refund";
  description: string;
  /** Units bought of a custom asset (or granted, for a bonus), with its code. */
  quantity: { value: string; unit: string } | null;
  /** Price of one unit in `currency`, for custom assets. */
  rate: string | null;
  period: { start: string; end: string } | null;
  amount: string;
}

export interface DocumentTax {
  name: string;
  country: string | null;
  /** Percent, null when Stripe Tax computed it. */
  rate: string | null;
  taxable: string;
  amount: string;
}

export interface Buyer {
  name: string | null;
  company: string | null;
  email: string | null;
  address: Seller["address"] | null;
  tax_id: { type: string; value: string } | null;
}

/** The seller as printed: a platform that has not set its details yet shows its name alone. */
export type DocumentSeller = Omit<Seller, "address"> & { address: Seller["address"] | null };

export interface InvoiceDocument {
  kind: DocumentKind;
  number: string;
  live_mode: boolean;
  /** How dates and amounts are written (the buyer's locale when it was issued). */
  locale: string;
  issued_at: string;
  /** When what was paid for was supplied: the payment, or the start of the plan period. */
  supply_date: string;
  currency: string;
  seller: DocumentSeller;
  buyer: Buyer;
  lines: DocumentLine[];
  tax_behavior: TaxBehavior;
  taxes: DocumentTax[];
  subtotal: string;
  total_excluding_tax: string;
  tax_total: string;
  total: string;
  payment: { method: string; brand: string | null; last4: string | null; paid_at: string | null; status: "paid" | "refunded" };
  credited_invoice: { id: string; number: string } | null;
  footer: string | null;
}
