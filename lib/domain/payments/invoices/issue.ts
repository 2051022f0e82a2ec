import { and, eq } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { Tx } from "@/lib/kernel/db";
import { customers, invoices } from "@/lib/kernel/db/schema";
import { newId } from "@/lib/kernel/ids";
import { stringifyJson } from "@/lib/kernel/json";
import { Decimal, dec } from "@/lib/kernel/money";
import type { TopUpRow } from "@/lib/domain/payments/top-ups/store";
import { getPlatformOrThrow } from "@/lib/domain/platforms/get-platform";
import { readSettings } from "@/lib/domain/platforms/settings";
import { inScope } from "@/lib/kernel/scope";
import { emitWebhookEvent } from "@/lib/domain/outbound-webhooks/emit";
import { readBillingDetails } from "@/lib/domain/customers/billing-details";
import type { Buyer, DocumentKind, DocumentSeller, InvoiceDocument } from "./document";
import { invoiceLines } from "./lines";
import { formatNumber, nextSequence } from "./numbering";
import { findPaymentTax, usesStripeTax, type PaymentTaxRow } from "@/lib/domain/payments/top-ups/payment-tax";
import { serializeInvoice, type InvoiceRow } from "./serialize";
import type { InvoicingSettings } from "@/lib/domain/platforms/invoicing/settings";

export interface Paid {
  paymentIntentId: string;
  card: { brand: string; last4: string } | null;
}

/** The platform as seller and its invoice settings. */
export async function sellerOf(tx: Tx, t: TopUpRow): Promise<{ seller: DocumentSeller; invoicing: InvoicingSettings }> {
  const platform = await getPlatformOrThrow(tx, t.platformId);
  const invoicing = readSettings(platform.settings).invoicing;
  const seller = invoicing.seller ?? { legal_name: platform.name, address: null, tax_id: null, support_email: null, support_url: null };
  return { seller, invoicing };
}

/** The buyer from the customer's billing details, else the name and email the platform gave. */
export async function buyerOf(tx: Tx, t: TopUpRow): Promise<{ buyer: Buyer; locale: string }> {
  const [c] = await tx.select().from(customers).where(and(inScope(customers, t), eq(customers.id, t.customerId))).limit(1);
  const details = readBillingDetails(c?.billingDetails);
  const buyer: Buyer = details
    ? { name: details.name, company: details.company, email: details.email ?? c?.email ?? null, address: details.address, tax_id: details.tax_id }
    : { name: c?.name ?? null, company: null, email: c?.email ?? null, address: null, tax_id: null };
  return { buyer, locale: details?.locale ?? "en-US" };
}

/** Totals from the lines and the recorded tax: lines are at the price charged, before or including tax. */
export function totalsOf(linesTotal: Decimal, tax: PaymentTaxRow | null, behavior: InvoicingSettings["tax"]["behavior"]) {
  const taxAmount = dec(tax?.tax ?? "0");
  const inclusive = (tax?.behavior ?? behavior) === "inclusive";
  const total = inclusive ? linesTotal : linesTotal.plus(taxAmount);
  const taxes = tax && taxAmount.gt(0) ? [{ name: tax.name ?? "Tax", country: tax.country, rate: tax.rate === null ? null : dec(tax.rate).toString(), taxable: tax.net, amount: taxAmount.toString() }] : [];
  return { subtotal: linesTotal, excluding: total.minus(taxAmount), taxAmount, total, taxes, inclusive };
}

/** Writes an issued document with the next number of its series and announces it (invoice.issued). */
export async function insertDocument(tx: Tx, t: TopUpRow, kind: DocumentKind, sourceKey: string, build: (number: string) => InvoiceDocument, creditedInvoiceId: string | null = null): Promise<InvoiceRow> {
  const { invoicing } = await sellerOf(tx, t);
  const sequence = await nextSequence(tx, t, kind);
  const document = build(formatNumber(invoicing.invoices.numberPrefix, kind, t.liveMode, sequence));
  const [row] = await tx
    .insert(invoices)
    .values({
      id: newId("invoice"), platformId: t.platformId, liveMode: t.liveMode, customerId: t.customerId, kind, sequence, number: document.number,
      sourceKey, topUpId: t.id, creditedInvoiceId, currency: t.currency, subtotal: document.subtotal, taxTotal: document.tax_total,
      total: document.total, locale: document.locale,
      document: document as unknown as Record<string, unknown>, issuedAt: new Date(document.issued_at),
    })
    .returning();
  await emitWebhookEvent(tx, { platformId: t.platformId, liveMode: t.liveMode }, "invoice.issued", JSON.parse(stringifyJson(serializeInvoice(row!))) as Record<string, unknown>);
  return row!;
}

export async function findIssued(tx: Tx, t: TopUpRow, sourceKey: string): Promise<InvoiceRow | null> {
  const [row] = await tx.select().from(invoices).where(and(inScope(invoices, t), eq(invoices.sourceKey, sourceKey))).limit(1);
  return row ?? null;
}

/**
 * Issues the invoice of a payment that was just settled, in the transaction that settled it: once per
 * top-up or plan charge, numbered in that transaction, so a rollback leaves neither invoice nor number.
 */
export async function issueInvoice(tx: Tx, t: TopUpRow, paid: Paid): Promise<InvoiceRow | null> {
  const sourceKey = `top_up:${t.id}`;
  const existing = await findIssued(tx, t, sourceKey);
  if (existing) return existing;
  const tax = await findPaymentTax(tx, t.id);
  // Stripe Tax's amount arrives with Checkout's completion, which then issues the invoice.
  if (!tax && (await usesStripeTax(tx, t))) return null;
  const { seller, invoicing } = await sellerOf(tx, t);
  const { buyer, locale } = await buyerOf(tx, t);
  const lines = await invoiceLines(tx, t, paid.paymentIntentId);
  const totals = totalsOf(dec(t.amount), tax, invoicing.tax.behavior);
  const issuedAt = now().toISOString();
  const period = lines.find((l) => l.period)?.period;
  return insertDocument(tx, t, "invoice", sourceKey, (number) => ({
    kind: "invoice", number, live_mode: t.liveMode, locale, issued_at: issuedAt, supply_date: period?.start ?? issuedAt, currency: t.currency,
    seller, buyer, lines, tax_behavior: totals.inclusive ? "inclusive" : "exclusive", taxes: totals.taxes,
    subtotal: totals.subtotal.toString(), total_excluding_tax: totals.excluding.toString(), tax_total: totals.taxAmount.toString(), total: totals.total.toString(),
    payment: { method: "card", brand: paid.card?.brand ?? t.cardBrand, last4: paid.card?.last4 ?? t.cardLast4, paid_at: issuedAt, status: "paid" },
    credited_invoice: null, footer: invoicing.invoices.footer,
  }));
}
