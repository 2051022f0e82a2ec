import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, money, tenantColumns, timestamptz } from "./columns";

/**
 * The last number issued in each series ("invoice", "credit_note") of a platform and mode. It is
 * advanced under its row lock in the transaction that settles the payment, so a rollback gives the
 * number back and numbers stay gapless.
 */
export const invoiceCounters = pgTable(
  "invoice_counters",
  {
    ...tenantColumns(),
    series: text("series").notNull(),
    lastNumber: integer("last_number").notNull(),
  },
  (t) => [primaryKey({ columns: [t.platformId, t.liveMode, t.series] })],
);

/** An issued invoice or credit note. Immutable: the database refuses updates and deletes. */
export const invoices = pgTable(
  "invoices",
  {
    id: text("id").primaryKey(),
    ...tenantColumns(),
    customerId: text("customer_id").notNull(),
    /** "invoice" or "credit_note". */
    kind: text("kind").notNull(),
    sequence: integer("sequence").notNull(),
    number: text("number").notNull(),
    /** What it was issued for, once: `top_up:<id>` for an invoice, `refund:<provider id>` for a credit note. */
    sourceKey: text("source_key").notNull(),
    topUpId: text("top_up_id").notNull(),
    /** A credit note's invoice. */
    creditedInvoiceId: text("credited_invoice_id"),
    currency: text("currency").notNull(),
    subtotal: money("subtotal").notNull(),
    taxTotal: money("tax_total").notNull(),
    total: money("total").notNull(),
    locale: text("locale").notNull(),
    /** Seller, buyer, lines, taxes and payment as they were when issued. */
    document: jsonb("document").$type<Record<string, unknown>>().notNull(),
    issuedAt: timestamptz("issued_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invoices_number_idx").on(t.platformId, t.liveMode, t.kind, t.sequence),
    uniqueIndex("invoices_source_idx").on(t.platformId, t.liveMode, t.sourceKey),
    index("invoices_customer_idx").on(t.platformId, t.liveMode, t.customerId, t.issuedAt, t.id),
    index("invoices_top_up_idx").on(t.topUpId),
  ],
);

/**
 * The tax on one payment, fixed before it is charged (from the platform's rate table, or Stripe Tax's
 * answer). With tax-exclusive prices the customer is charged `total` = `net` + `tax`.
 */
export const paymentTaxes = pgTable("payment_taxes", {
    topUpId: text("top_up_id").primaryKey(),
    ...tenantColumns(),
    /** "rate_table" or "stripe_tax". */
    source: text("source").notNull(),
    behavior: text("behavior").notNull(),
    country: text("country"),
    name: text("name"),
    /** Percent, e.g. 19 for 19 %. */
    rate: money("rate"),
    net: money("net").notNull(),
    tax: money("tax").notNull(),
    total: money("total").notNull(),
    createdAt: createdAt(),
});
