import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, tenantColumns, timestamptz } from "./columns";

/**
 * The email outbox: one row per message to a customer, written in the transaction of the change it
 * reports, so a message exists if and only if that change committed. `message_key` names what the
 * message is about (a payment, a crossing, a grant), so the same fact can never be mailed twice.
 */
export const emailMessages = pgTable(
  "email_messages",
  {
    id: text("id").primaryKey(),
    ...tenantColumns(),
    customerId: text("customer_id").notNull(),
    kind: text("kind").notNull(),
    messageKey: text("message_key").notNull(),
    toAddress: text("to_address").notNull(),
    locale: text("locale").notNull(),
    /** What the message is composed from at send time: ids and the event's figures. */
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    /** pending → sent (by SMTP) | held (no SMTP configured: kept for the operator) | skipped | failed. */
    status: text("status").$type<"pending" | "sending" | "sent" | "held" | "skipped" | "failed">().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    lastAttemptAt: timestamptz("last_attempt_at"),
    sentAt: timestamptz("sent_at"),
    subject: text("subject"),
    textBody: text("text_body"),
    htmlBody: text("html_body"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("email_messages_key_idx").on(t.platformId, t.liveMode, t.messageKey),
    index("email_messages_customer_idx").on(t.platformId, t.liveMode, t.customerId, t.createdAt),
    index("email_messages_scope_idx").on(t.platformId, t.liveMode, t.createdAt),
  ],
);

/** Addresses a mail server refused or bounced: nothing is sent to them again. */
export const emailSuppressions = pgTable("email_suppressions", {
  address: text("address").primaryKey(),
  reason: text("reason").notNull(),
  detail: text("detail"),
  createdAt: createdAt(),
});

/** The optional message kinds a customer turned off (portal or one-click unsubscribe). */
export const emailPreferences = pgTable(
  "email_preferences",
  {
    ...tenantColumns(),
    customerId: text("customer_id").notNull(),
    optedOut: jsonb("opted_out").$type<string[]>().notNull().default([]),
    /** The language the customer chose for emails; else their billing details' locale, else the platform's default. */
    locale: text("locale"),
    updatedAt: timestamptz("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.platformId, t.liveMode, t.customerId] })],
);
