import { formatAmount, formatNumber } from "@/lib/kernel/money/format";
import { fiatDigits } from "@/lib/kernel/money/fiat";
import { dateTimeFormat } from "@/lib/kernel/format/intl-cache";
import type { Buyer, DocumentSeller, InvoiceDocument } from "./document";
import { labelsFor, type LabelKey } from "./labels";

/** A document as text to lay out: every amount and date already written in the buyer's locale. */
export interface PresentedDocument {
  title: string;
  testMode: string | null;
  meta: { label: string; value: string }[];
  seller: { heading: string; lines: string[] };
  buyer: { heading: string; lines: string[] };
  columns: [string, string, string, string];
  lines: { description: string; detail: string | null; quantity: string; rate: string; amount: string }[];
  totals: { label: string; value: string; strong?: boolean }[];
  payment: string[];
  footer: string[];
}

const decimalsOf = (amount: string) => amount.split(".")[1]?.replace(/0+$/, "").length ?? 0;

/** In the currency's digits; a unit price finer than a cent keeps its digits. */
function money(d: InvoiceDocument, amount: string): string {
  const digits = fiatDigits(d.currency) ?? 2;
  const display = { code: d.currency, kind: "fiat" as const, precision: digits, symbol: null, label: null, name: d.currency };
  return formatAmount(amount, display, d.locale, { rate: decimalsOf(amount) > digits });
}

function partyLines(p: DocumentSeller | Buyer, taxLabel: string, locale: string): string[] {
  const a = p.address;
  const out = [
    "legal_name" in p ? p.legal_name : (p.company ?? p.name ?? ""),
    "legal_name" in p ? null : p.company && p.name ? p.name : null,
    a?.line1, a?.line2, a && [a.postal_code, a.city].filter(Boolean).join(" "), a?.state,
    a && new Intl.DisplayNames([locale, "en"], { type: "region" }).of(a.country),
    p.tax_id && `${taxLabel}: ${p.tax_id.value}`,
    "email" in p ? p.email : p.support_email,
  ];
  return out.filter((l): l is string => Boolean(l));
}

export function presentDocument(d: InvoiceDocument): PresentedDocument {
  const L = labelsFor(d.locale);
  const date = (iso: string) => dateTimeFormat(d.locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso));
  const label = (k: LabelKey) => L[k];
  const sign = (amount: string) => (d.kind === "credit_note" && amount !== "0" ? `-${amount}` : amount);
  const taxes = d.taxes.map((t) => ({
    label: `${t.name}${t.rate ? ` ${formatNumber(t.rate, 4, d.locale)} %` : ""}${d.tax_behavior === "inclusive" ? ` (${L.tax_included})` : ""}`,
    value: money(d, sign(t.amount)),
  }));
  return {
    title: label(d.kind),
    testMode: d.live_mode ? null : L.test_mode,
    meta: [
      { label: L.number, value: d.number },
      { label: L.issue_date, value: date(d.issued_at) },
      { label: L.supply_date, value: date(d.supply_date) },
      ...(d.credited_invoice ? [{ label: L.credits, value: d.credited_invoice.number }] : []),
    ],
    seller: { heading: L.seller, lines: partyLines(d.seller, L.tax_id, d.locale) },
    buyer: { heading: L.buyer, lines: partyLines(d.buyer, L.tax_id, d.locale) },
    columns: [L.description, L.quantity, L.rate, L.amount],
    lines: d.lines.map((l) => ({
      description: l.description,
      detail: l.period ? `${L.period}: ${date(l.period.start)} – ${date(l.period.end)}` : null,
      quantity: l.quantity ? `${formatNumber(l.quantity.value, 12, d.locale)} ${l.quantity.unit}` : "1",
      rate: l.rate ? money(d, l.rate) : "",
      amount: l.kind === "bonus" ? L.bonus_free : money(d, sign(l.amount)),
    })),
    totals: [
      { label: L.subtotal, value: money(d, sign(d.subtotal)) },
      ...(d.taxes.length ? [{ label: L.total_excluding_tax, value: money(d, sign(d.total_excluding_tax)) }] : []),
      ...taxes,
      { label: L.total, value: `${money(d, sign(d.total))}`, strong: true },
    ],
    payment: [
      `${L.status}: ${d.payment.status === "paid" ? L.status_paid : L.status_refunded}`,
      ...(d.payment.brand ? [`${L.paid_with}: ${d.payment.brand} •••• ${d.payment.last4 ?? ""}`] : []),
    ],
    footer: [d.footer, d.seller.support_email && `${L.support}: ${d.seller.support_email}`].filter((l): l is string => Boolean(l)),
  };
}
