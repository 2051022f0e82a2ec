import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, money, tenantColumns, timestamptz } from "./columns";

/** Usage events as the platform sent them. `id` is the platform's id: unique per platform and mode, forever. */
export const events = pgTable(
  "events",
  {
    pk: bigint("pk", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    id: text("id").notNull(),
    /** Resolved from the customer in scope in the same transaction (no foreign key: it costs every insert). */
    customerId: text("customer_id").notNull(),
    eventType: text("event_type").notNull(),
    occurredAt: timestamptz("occurred_at").notNull(),
    subject: text("subject"),
    description: text("description"),
    data: jsonb("data").notNull(),
    /** billed: fees were debited; unbilled: no price matched; rating_error: a price matched but could not be computed. */
    status: text("status").notNull(),
    /** Why the event was not billed (unbilled or rating_error), in words; null when billed. */
    ratingError: text("rating_error"),
    /** The same as a code: no_subscription, no_price, no_dimension_match or rating_error. */
    reasonCode: text("reason_code"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("events_id_idx").on(t.platformId, t.liveMode, t.id),
    index("events_customer_time_idx").on(t.customerId, t.occurredAt, t.pk),
    index("events_platform_time_idx").on(t.platformId, t.liveMode, t.occurredAt, t.pk),
    // A task's events: the customer's events with one subject (GET /tasks/{customer_id}:{subject}).
    index("events_customer_subject_idx").on(t.customerId, t.subject, t.occurredAt, t.pk).where(sql`${t.subject} IS NOT NULL`),
    check("events_status", sql`${t.status} IN ('billed', 'unbilled', 'rating_error')`),
  ],
);

/** The columns every per-event line (fee, cost) starts with: its own key, the tenant, the event and its customer. */
const eventLineColumns = () => ({
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  ...tenantColumns(),
  eventPk: bigint("event_pk", { mode: "number" })
    .notNull()
    .references(() => events.pk),
  customerId: text("customer_id").notNull(),
});

/**
 * One fee of one event: which product version and price produced it, the dimensions that matched,
 * the quantity and rate, and the ledger transfer that debited it. Usage history, spend charts and
 * "spent this month" read from here.
 */
export const eventFees = pgTable(
  "event_fees",
  {
    ...eventLineColumns(),
    accountName: text("account_name").notNull(),
    assetCode: text("asset_code").notNull(),
    amount: money("amount").notNull(),
    productId: text("product_id").notNull(),
    productCode: text("product_code").notNull(),
    productName: text("product_name").notNull(),
    productVersion: integer("product_version").notNull(),
    priceId: text("price_id").notNull(),
    /** The matched value's name when it has one, else the price's name. */
    priceName: text("price_name").notNull(),
    /** The event's values for the price's billable dimensions, e.g. {"model":"gpt-4"}. */
    dimensions: jsonb("dimensions").$type<Record<string, string>>().notNull(),
    /** 1 for unit prices; the volume (data[volume_field]) for volume and unit_and_volume prices. */
    quantity: money("quantity").notNull(),
    unitPrice: money("unit_price"),
    volumeRate: money("volume_rate"),
    packageSize: money("package_size"),
    /**
     * The transfer that debited this fee, posted in the same transaction; null only for a zero fee,
     * which moves no money. No foreign key: the link is made by construction and checked by
     * the ledger tests and the benchmark gate, and a key check would cost every fee row.
     */
    transferId: text("transfer_id"),
    occurredAt: timestamptz("occurred_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("event_fees_event_idx").on(t.eventPk),
    // Covers spend sums per customer over a time range by asset and product as an index-only scan.
    index("event_fees_customer_spend_idx").on(t.customerId, t.occurredAt, t.assetCode, t.productId, t.amount),
    // Spend by lane (a visible event dimension): one customer's fees in one asset over a time range,
    // with the event to read the lane value from and the amount to sum, without visiting the fees.
    index("event_fees_customer_lane_idx").on(t.customerId, t.assetCode, t.occurredAt, t.eventPk, t.amount),
  ],
);

/** What an event cost the platform, per vendor: revenue minus these is the margin. */
export const eventCosts = pgTable(
  "event_costs",
  {
    ...eventLineColumns(),
    /** Null for an unattributed cost: it named a vendor id this platform does not have (the event is billed all the same). */
    vendorId: text("vendor_id"),
    /** The platform's own id for the cost line, when it sent one. */
    costId: text("cost_id"),
    amount: money("amount").notNull(),
    currency: text("currency").notNull(),
    description: text("description"),
    metadata: jsonb("metadata").$type<Record<string, string>>(),
    occurredAt: timestamptz("occurred_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("event_costs_event_idx").on(t.eventPk),
    index("event_costs_customer_idx").on(t.customerId, t.occurredAt),
    index("event_costs_vendor_idx").on(t.vendorId, t.occurredAt),
  ],
);
