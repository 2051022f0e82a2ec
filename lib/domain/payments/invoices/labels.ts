/**
 * The words on a document, by key, so a translation only has to supply another table. Documents
 * are written in English for now; amounts and dates already follow the buyer's locale.
 */
export const INVOICE_LABELS = {
  invoice: "Invoice",
  credit_note: "Credit note",
  test_mode: "TEST MODE — not a tax document",
  number: "Number",
  issue_date: "Issue date",
  supply_date: "Supply date",
  seller: "From",
  buyer: "Bill to",
  tax_id: "Tax ID",
  description: "Description",
  quantity: "Quantity",
  rate: "Unit price",
  amount: "Amount",
  period: "Period",
  subtotal: "Subtotal",
  total_excluding_tax: "Total excluding tax",
  tax_included: "included",
  total: "Total",
  payment: "Payment",
  paid_with: "Paid with",
  status: "Status",
  status_paid: "Paid",
  status_refunded: "Refunded",
  credits: "Credits invoice",
  support: "Questions",
  bonus_free: "No charge",
} as const;

export type LabelKey = keyof typeof INVOICE_LABELS;

export function labelsFor(_locale: string): Record<LabelKey, string> {
  return INVOICE_LABELS;
}
