import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, money, tenantColumns, timestamptz } from "./columns";
import { ledgerAccounts } from "./ledger";

/**
 * A credit grant: one slice of a wallet account's balance with a purpose and an expiry. Usage eats the
 * slices in consumption order; `remaining` only ever changes in the transaction that posts the ledger
 * transfer responsible for it, under the account's row lock (docs/credits.md: the grant invariant).
 */
export const creditGrants = pgTable(
  "credit_grants",
  {
    id: text("id").primaryKey(),
    ...tenantColumns(),
    accountId: bigint("account_id", { mode: "number" })
      .notNull()
      .references(() => ledgerAccounts.id),
    customerId: text("customer_id").notNull(),
    accountName: text("account_name").notNull(),
    assetCode: text("asset_code").notNull(),
    purpose: text("purpose").$type<"promotional" | "bundled" | "paid">().notNull(),
    source: text("source").$type<"entitlement" | "adjustment" | "top_up" | "coupon">().notNull(),
    /** The id of what made it: the adjustment's transaction id, the top-up, the coupon redemption, the subscription. */
    sourceId: text("source_id").notNull(),
    /** The ledger transfer that credited it. */
    transferId: text("transfer_id").notNull(),
    amount: money("amount").notNull(),
    remaining: money("remaining").notNull(),
    effectiveAt: timestamptz("effective_at").notNull(),
    expiresAt: timestamptz("expires_at"),
    /** Set by the expiry job, with the transfer that took the remainder out of the wallet. */
    expiredAt: timestamptz("expired_at"),
    expiryTransferId: text("expiry_transfer_id"),
    /** Set once the credits.expiring webhook for this grant was written. */
    expiringNotified: boolean("expiring_notified").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("credit_grants_transfer_idx").on(t.transferId),
    index("credit_grants_live_idx").on(t.accountId).where(sql`${t.remaining} > 0`),
    index("credit_grants_customer_idx").on(t.customerId, t.createdAt),
    check("credit_grants_purpose", sql`${t.purpose} IN ('promotional', 'bundled', 'paid')`),
    check("credit_grants_remaining", sql`${t.remaining} >= 0 AND ${t.remaining} <= ${t.amount} AND ${t.amount} > 0`),
  ],
);

/** Entitlement periods already granted, so activation and refresh grant each period once. */
export const entitlementPeriods = pgTable(
  "entitlement_periods",
  {
    ...tenantColumns(),
    subscriptionId: text("subscription_id").notNull(),
    productVersionKey: text("product_version_key").notNull(),
    entitlementIndex: integer("entitlement_index").notNull(),
    periodStart: timestamptz("period_start").notNull(),
    periodEnd: timestamptz("period_end"),
    grantId: text("grant_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("entitlement_periods_key_idx").on(t.subscriptionId, t.productVersionKey, t.entitlementIndex, t.periodStart)],
);

/** Platform coupon codes; `code_lower` makes codes unique per platform and mode regardless of case. */
export const coupons = pgTable(
  "coupons",
  {
    id: text("id").primaryKey(),
    ...tenantColumns(),
    code: text("code").notNull(),
    codeLower: text("code_lower").notNull(),
    kind: text("kind").$type<"credit_grant" | "top_up_bonus">().notNull(),
    /** credit_grant: {asset, amount, grant_expires_at | grant_duration_days}; top_up_bonus: {percent, top_ups}. */
    terms: jsonb("terms").$type<Record<string, unknown>>().notNull(),
    expiresAt: timestamptz("expires_at"),
    maxRedemptions: integer("max_redemptions"),
    redemptions: integer("redemptions").notNull().default(0),
    deactivatedAt: timestamptz("deactivated_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("coupons_code_idx").on(t.platformId, t.liveMode, t.codeLower)],
);

/** One per customer and coupon; a top-up bonus counts down `bonuses_left` as top-ups are credited. */
export const couponRedemptions = pgTable(
  "coupon_redemptions",
  {
    id: text("id").primaryKey(),
    ...tenantColumns(),
    couponId: text("coupon_id")
      .notNull()
      .references(() => coupons.id),
    customerId: text("customer_id").notNull(),
    bonusesLeft: integer("bonuses_left").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("coupon_redemptions_once_idx").on(t.couponId, t.customerId),
    index("coupon_redemptions_bonus_idx").on(t.customerId).where(sql`${t.bonusesLeft} > 0`),
  ],
);
