import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, money, tenantColumns, timestamptz } from "./columns";

/** The payment provider's customer for a wallet customer (one per provider: "stripe" or the built-in "test"). */
export const paymentCustomers = pgTable(
  "payment_customers",
  {
    ...tenantColumns(),
    customerId: text("customer_id").notNull(),
    provider: text("provider").notNull(),
    providerCustomerId: text("provider_customer_id").notNull(),
    /** Billfold's choice of default card; mirrored to Stripe's invoice_settings. */
    defaultPaymentMethodId: text("default_payment_method_id"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.platformId, t.liveMode, t.customerId, t.provider] }),
    uniqueIndex("payment_customers_provider_idx").on(t.provider, t.providerCustomerId),
  ],
);

/**
 * A payment that credits a wallet account once it succeeds: started by the platform API, the portal,
 * or an auto top-up attempt. `units` at `rate`/`inverse_rate` is what the credit will be.
 */
export const topUps = pgTable(
  "top_ups",
  {
    id: text("id").primaryKey(),
    ...tenantColumns(),
    customerId: text("customer_id").notNull(),
    origin: text("origin").notNull(),
    provider: text("provider").notNull(),
    status: text("status").notNull(),
    amount: money("amount").notNull(),
    currency: text("currency").notNull(),
    accountName: text("account_name").notNull(),
    assetCode: text("asset_code").notNull(),
    units: money("units").notNull(),
    rate: money("rate"),
    inverseRate: money("inverse_rate"),
    rateSource: text("rate_source"),
    description: text("description"),
    metadata: jsonb("metadata").$type<Record<string, string>>(),
    creditExpiresAt: timestamptz("credit_expires_at"),
    returnUrl: text("return_url"),
    failureUrl: text("failure_url"),
    idempotencyKey: text("idempotency_key"),
    requestHash: text("request_hash"),
    checkoutSessionId: text("checkout_session_id"),
    checkoutUrl: text("checkout_url"),
    paymentIntentId: text("payment_intent_id"),
    attemptId: text("attempt_id"),
    cardBrand: text("card_brand"),
    cardLast4: text("card_last4"),
    receiptUrl: text("receipt_url"),
    failureCode: text("failure_code"),
    failureMessage: text("failure_message"),
    transferId: text("transfer_id"),
    /** Set when this payment is a subscription charge (origin "subscription"): it pays the plan, it credits no wallet. */
    subscriptionId: text("subscription_id"),
    /** The period the charge pays; null on a first charge, whose period starts when it is paid. */
    periodStart: timestamptz("period_start"),
    createdAt: timestamptz("created_at").notNull(),
    expiresAt: timestamptz("expires_at"),
    completedAt: timestamptz("completed_at"),
    updatedAt: timestamptz("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("top_ups_idempotency_idx").on(t.platformId, t.liveMode, t.idempotencyKey).where(sql`${t.idempotencyKey} IS NOT NULL`),
    uniqueIndex("top_ups_payment_intent_idx").on(t.paymentIntentId).where(sql`${t.paymentIntentId} IS NOT NULL`),
    index("top_ups_customer_idx").on(t.platformId, t.liveMode, t.customerId, t.createdAt, t.id),
    index("top_ups_list_idx").on(t.platformId, t.liveMode, t.createdAt, t.id),
    index("top_ups_subscription_idx").on(t.subscriptionId).where(sql`${t.subscriptionId} IS NOT NULL`),
    // The daily Stripe reconciliation reads every platform's top-ups completed in its window.
    index("top_ups_completed_idx").on(t.provider, t.liveMode, t.completedAt).where(sql`${t.completedAt} IS NOT NULL`),
    index("top_ups_pending_idx")
      .on(t.platformId, t.liveMode, t.customerId, t.accountName, t.assetCode)
      .where(sql`${t.status} IN ('initiated', 'processing')`),
  ],
);

/** A customer's auto top-up settings for one wallet account. Only the customer ever sets `enabled` to true. */
export const autoTopUps = pgTable(
  "auto_top_ups",
  {
    ...tenantColumns(),
    customerId: text("customer_id").notNull(),
    accountName: text("account_name").notNull(),
    assetCode: text("asset_code").notNull(),
    enabled: boolean("enabled").notNull(),
    threshold: money("threshold").notNull(),
    amount: money("amount").notNull(),
    currency: text("currency").notNull(),
    monthlyCap: money("monthly_cap"),
    paymentMethodId: text("payment_method_id"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    retryAfter: timestamptz("retry_after"),
    /** Set while an attempt waits for the customer to confirm their card; no new attempt starts meanwhile. */
    actionRequiredAttemptId: text("action_required_attempt_id"),
    disabledReason: text("disabled_reason"),
    disabledAt: timestamptz("disabled_at"),
    consentedAt: timestamptz("consented_at"),
    createdAt: timestamptz("created_at").notNull(),
    updatedAt: timestamptz("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.platformId, t.liveMode, t.customerId, t.accountName, t.assetCode] })],
);

/**
 * One automatic charge, written before the provider is called; its id is the provider's idempotency
 * key. The partial unique index allows one attempt in flight per account.
 */
export const autoTopUpAttempts = pgTable(
  "auto_top_up_attempts",
  {
    id: text("id").primaryKey(),
    ...tenantColumns(),
    customerId: text("customer_id").notNull(),
    accountName: text("account_name").notNull(),
    assetCode: text("asset_code").notNull(),
    status: text("status").notNull(),
    /** "auto_top_up", or "renewal": a subscription charge, whose account_name holds the subscription id. */
    purpose: text("purpose").notNull().default("auto_top_up"),
    amount: money("amount").notNull(),
    currency: text("currency").notNull(),
    units: money("units"),
    /** Fixed when the attempt is written, so a re-run sends Stripe exactly the same request. */
    paymentMethodId: text("payment_method_id"),
    topUpId: text("top_up_id"),
    paymentIntentId: text("payment_intent_id"),
    reason: text("reason"),
    declineCode: text("decline_code"),
    hardDecline: boolean("hard_decline").notNull().default(false),
    nextRetryAt: timestamptz("next_retry_at"),
    createdAt: timestamptz("created_at").notNull(),
    updatedAt: timestamptz("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("auto_top_up_attempts_in_flight_idx")
      .on(t.platformId, t.liveMode, t.customerId, t.accountName, t.assetCode)
      .where(sql`${t.status} IN ('pending', 'processing')`),
    index("auto_top_up_attempts_account_idx").on(t.platformId, t.liveMode, t.customerId, t.accountName, t.assetCode, t.createdAt),
    index("auto_top_up_attempts_open_idx").on(t.status, t.updatedAt).where(sql`${t.status} IN ('pending', 'processing')`),
  ],
);

/** Every verified provider event, stored before it is applied; `processed_at` is set once its effects committed. */
export const paymentEvents = pgTable(
  "payment_events",
  {
    id: text("id").primaryKey(),
    provider: text("provider").notNull(),
    type: text("type").notNull(),
    livemode: boolean("livemode").notNull(),
    payload: text("payload").notNull(),
    receivedAt: timestamptz("received_at").notNull(),
    processedAt: timestamptz("processed_at"),
    outcome: text("outcome"),
  },
  (t) => [index("payment_events_unprocessed_idx").on(t.receivedAt).where(sql`${t.processedAt} IS NULL`)],
);
