import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, money, tenantColumns, timestamptz } from "./columns";

/** The built-in test provider's Checkout Sessions (test mode only). The random id is the page's capability. */
export const testCheckoutSessions = pgTable("test_checkout_sessions", {
  id: text("id").primaryKey(),
  ...tenantColumns(),
  idempotencyKey: text("idempotency_key").notNull().unique(),
  providerCustomerId: text("provider_customer_id").notNull(),
  mode: text("mode").notNull(),
  topUpId: text("top_up_id"),
  amount: money("amount"),
  currency: text("currency"),
  description: text("description"),
  successUrl: text("success_url").notNull(),
  cancelUrl: text("cancel_url").notNull(),
  metadata: jsonb("metadata").$type<Record<string, string>>().notNull(),
  status: text("status").notNull(),
  paymentIntentId: text("payment_intent_id"),
  expiresAt: timestamptz("expires_at").notNull(),
  createdAt: createdAt(),
});

/** Cards saved with the built-in test provider; `behaviour` is what the test card number stands for. */
export const testPaymentMethods = pgTable(
  "test_payment_methods",
  {
    id: text("id").primaryKey(),
    ...tenantColumns(),
    providerCustomerId: text("provider_customer_id").notNull(),
    brand: text("brand").notNull(),
    last4: text("last4").notNull(),
    expMonth: integer("exp_month").notNull(),
    expYear: integer("exp_year").notNull(),
    behaviour: text("behaviour").notNull(),
    createdAt: createdAt(),
    detachedAt: timestamptz("detached_at"),
  },
  (t) => [index("test_payment_methods_customer_idx").on(t.providerCustomerId)],
);

/** The built-in test provider's PaymentIntents, unique by idempotency key like Stripe's. */
export const testPaymentIntents = pgTable(
  "test_payment_intents",
  {
    id: text("id").primaryKey(),
    ...tenantColumns(),
    idempotencyKey: text("idempotency_key"),
    providerCustomerId: text("provider_customer_id").notNull(),
    paymentMethodId: text("payment_method_id"),
    amount: money("amount").notNull(),
    currency: text("currency").notNull(),
    status: text("status").notNull(),
    metadata: jsonb("metadata").$type<Record<string, string>>().notNull(),
    lastError: jsonb("last_error").$type<Record<string, string | null>>(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("test_payment_intents_idem_idx").on(t.idempotencyKey).where(sql`${t.idempotencyKey} IS NOT NULL`)],
);
