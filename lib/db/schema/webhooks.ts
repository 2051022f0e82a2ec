import { bigint, boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, tenantColumns, timestamptz } from "./columns";

/** Where a platform wants events sent, and the secret their signatures are made with. */
export const webhookDestinations = pgTable(
  "webhook_destinations",
  {
    id: text("id").primaryKey(),
    ...tenantColumns(),
    url: text("url").notNull(),
    topics: jsonb("topics").$type<string[]>().notNull(),
    secret: text("secret").notNull(),
    description: text("description"),
    /** Receives the events of the platform's connected accounts instead of its own (Credyt's `connect`). */
    connect: boolean("connect").notNull().default(false),
    createdAt: createdAt(),
    disabledAt: timestamptz("disabled_at"),
  },
  (t) => [index("webhook_destinations_scope_idx").on(t.platformId, t.liveMode)],
);

/** The outbox: each event is written in the same transaction as the change it reports. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: text("id").primaryKey(),
    ...tenantColumns(),
    type: text("type").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_events_scope_idx").on(t.platformId, t.liveMode, t.createdAt)],
);

/** One row per event and destination: the delivery log. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    eventId: text("event_id")
      .notNull()
      .references(() => webhookEvents.id),
    destinationId: text("destination_id")
      .notNull()
      .references(() => webhookDestinations.id),
    status: text("status").$type<"pending" | "delivered" | "failed">().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    lastAttemptAt: timestamptz("last_attempt_at"),
    deliveredAt: timestamptz("delivered_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_pair_idx").on(t.eventId, t.destinationId),
    index("webhook_deliveries_destination_idx").on(t.destinationId, t.createdAt),
  ],
);
