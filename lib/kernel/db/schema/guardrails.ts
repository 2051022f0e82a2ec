import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, money, tenantColumns, timestamptz } from "./columns";
import { ledgerAccounts } from "./ledger";

/**
 * A wallet account's spending budget (docs/guardrails.md): one per account, optionally scoped to one
 * spend lane (a dimension of usage events and its value). Read and written under the account's row lock.
 */
export const walletBudgets = pgTable(
  "wallet_budgets",
  {
    accountId: bigint("account_id", { mode: "number" })
      .primaryKey()
      .references(() => ledgerAccounts.id),
    ...tenantColumns(),
    customerId: text("customer_id").notNull(),
    period: text("period").$type<"day" | "week" | "month">().notNull(),
    limit: money("limit_amount").notNull(),
    /** Percentages of the limit at which `budget.threshold_reached` is sent, ascending. */
    thresholds: integer("thresholds").array().notNull(),
    hardStop: boolean("hard_stop").notNull(),
    laneDimension: text("lane_dimension"),
    laneValue: text("lane_value"),
    updatedAt: timestamptz("updated_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check("wallet_budgets_period", sql`${t.period} IN ('day', 'week', 'month')`),
    check("wallet_budgets_limit", sql`${t.limit} >= 0`),
    check("wallet_budgets_lane", sql`(${t.laneDimension} IS NULL) = (${t.laneValue} IS NULL)`),
  ],
);

/**
 * What a budgeted account spent in one period, kept in step with the usage debits under the account's
 * row lock (so a hard stop reads it instead of summing the period's entries), and the thresholds
 * already alerted, so each is sent once per period.
 */
export const walletBudgetPeriods = pgTable(
  "wallet_budget_periods",
  {
    accountId: bigint("account_id", { mode: "number" })
      .notNull()
      .references(() => ledgerAccounts.id),
    periodStart: timestamptz("period_start").notNull(),
    spent: money("spent").notNull(),
    alerted: integer("alerted").array().notNull().default(sql`'{}'::integer[]`),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.periodStart] })],
);

/**
 * Funds reserved for work in flight. Active while `status` is active and `expires_at` is ahead: an
 * expired hold is inactive when read whether or not the expiry job has marked it yet.
 */
export const walletHolds = pgTable(
  "wallet_holds",
  {
    id: text("id").primaryKey(),
    ...tenantColumns(),
    accountId: bigint("account_id", { mode: "number" })
      .notNull()
      .references(() => ledgerAccounts.id),
    customerId: text("customer_id").notNull(),
    accountName: text("account_name").notNull(),
    assetCode: text("asset_code").notNull(),
    amount: money("amount").notNull(),
    subject: text("subject"),
    description: text("description"),
    status: text("status").$type<"active" | "settled" | "released" | "expired">().notNull(),
    expiresAt: timestamptz("expires_at").notNull(),
    /** What the settling usage event was charged in this asset, and the event. */
    settledAmount: money("settled_amount"),
    eventId: text("event_id"),
    resolvedAt: timestamptz("resolved_at"),
    /** The caller's Idempotency-Key, and a digest of the request it came with: a retried POST gets the same hold. */
    idempotencyKey: text("idempotency_key"),
    requestHash: text("request_hash"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("wallet_holds_idempotency_idx").on(t.platformId, t.liveMode, t.idempotencyKey).where(sql`${t.idempotencyKey} IS NOT NULL`),
    index("wallet_holds_active_idx").on(t.accountId, t.expiresAt).where(sql`${t.status} = 'active'`),
    index("wallet_holds_customer_idx").on(t.platformId, t.liveMode, t.customerId, t.createdAt, t.id),
    check("wallet_holds_status", sql`${t.status} IN ('active', 'settled', 'released', 'expired')`),
    check("wallet_holds_amount", sql`${t.amount} > 0`),
  ],
);
