import { index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { tenantColumns, timestamptz } from "./columns";

/**
 * One row per task (a customer's events with one subject), kept in the transaction that stores the events:
 * listing a customer's tasks newest first, with a total, must not group a million events per request.
 */
export const taskRollups = pgTable(
  "task_rollups",
  {
    ...tenantColumns(),
    customerId: text("customer_id").notNull(),
    subject: text("subject").notNull(),
    eventCount: integer("event_count").notNull(),
    firstOccurredAt: timestamptz("first_occurred_at").notNull(),
    lastOccurredAt: timestamptz("last_occurred_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.subject] }),
    // Tenant columns inside, so a page and its total_count are read from the index alone.
    index("task_rollups_newest_idx").on(t.customerId, t.platformId, t.liveMode, t.firstOccurredAt, t.subject),
  ],
);

/**
 * How many tasks each customer has, kept beside the rollups: GET /tasks answers total_count from one row
 * instead of counting a hundred thousand tasks on every page.
 */
export const taskCounts = pgTable("task_counts", {
  ...tenantColumns(),
  customerId: text("customer_id").primaryKey(),
  tasks: integer("tasks").notNull(),
});
