import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { customers } from "./customers";
import { createdAt, tenantColumns, timestamptz } from "./columns";

/** A product: a stable id and code; what it charges lives in its numbered versions. */
export const products = pgTable(
  "products",
  {
    id: text("id").primaryKey(),
    ...tenantColumns(),
    code: text("code").notNull(),
    /** The published version "default" resolves to; null until a version is published. */
    defaultVersion: integer("default_version"),
    /** Highest version number handed out; the next version is this + 1. */
    latestVersion: integer("latest_version").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("products_code_idx").on(t.platformId, t.liveMode, t.code),
    index("products_list_idx").on(t.platformId, t.liveMode, t.createdAt, t.id),
  ],
);

/**
 * One version of a product's definition. Prices and entitlements are stored as normalized JSON
 * (decimals as strings). A published version never changes (a trigger refuses edits), so rating
 * can cache it in memory for good.
 */
export const productVersions = pgTable(
  "product_versions",
  {
    productId: text("product_id")
      .notNull()
      .references(() => products.id),
    version: integer("version").notNull(),
    ...tenantColumns(),
    name: text("name").notNull(),
    description: text("description"),
    /** draft → published; archived is reserved for retiring a version. */
    status: text("status").notNull(),
    prices: jsonb("prices").notNull(),
    entitlements: jsonb("entitlements").notNull(),
    createdAt: createdAt(),
    publishedAt: timestamptz("published_at"),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.version] }),
    check("product_versions_status", sql`${t.status} IN ('draft', 'published', 'archived')`),
  ],
);

/**
 * A customer's subscription. Status and period columns are ready for recurring fixed fees:
 * pending (payment required) → active → past_due → canceled.
 */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: text("id").primaryKey(),
    ...tenantColumns(),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id),
    status: text("status").notNull(),
    returnUrl: text("return_url"),
    failureUrl: text("failure_url"),
    redirectTo: text("redirect_to"),
    startedAt: timestamptz("started_at").notNull(),
    currentPeriodStart: timestamptz("current_period_start"),
    currentPeriodEnd: timestamptz("current_period_end"),
    canceledAt: timestamptz("canceled_at"),
    /** The customer asked to stop at the end of the paid period; undone until then. */
    cancelAtPeriodEnd: boolean("cancel_at_period_end").notNull().default(false),
    /** The card the first period was paid with; renewals charge it off-session. */
    paymentMethodId: text("payment_method_id"),
    /** Declined renewal charges for the current period; reset when a renewal is paid. */
    renewalFailures: integer("renewal_failures").notNull().default(0),
    /** A plan change chosen by the customer: this product version replaces the plan at the next renewal. */
    scheduledProductId: text("scheduled_product_id"),
    scheduledVersion: integer("scheduled_version"),
    createdAt: createdAt(),
  },
  (t) => [
    index("subscriptions_customer_idx").on(t.customerId, t.createdAt),
    check("subscriptions_status", sql`${t.status} IN ('pending', 'active', 'past_due', 'canceled')`),
  ],
);

/** The product versions a subscription holds, each resolved to an integer version at subscribe time. */
export const subscriptionProducts = pgTable(
  "subscription_products",
  {
    subscriptionId: text("subscription_id")
      .notNull()
      .references(() => subscriptions.id),
    position: integer("position").notNull(),
    ...tenantColumns(),
    customerId: text("customer_id").notNull(),
    productId: text("product_id").notNull(),
    version: integer("version").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.subscriptionId, t.position] }),
    foreignKey({ columns: [t.productId, t.version], foreignColumns: [productVersions.productId, productVersions.version] }),
    index("subscription_products_customer_idx").on(t.customerId),
  ],
);
