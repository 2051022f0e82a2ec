import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, timestamptz } from "./columns";

/**
 * Durable background work (renewals, expiries, retries, webhook deliveries). Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so any number of app instances on one Postgres share the queue safely.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    /** Enqueuing the same key again while one is pending or running does nothing. */
    uniqueKey: text("unique_key"),
    status: text("status").$type<"pending" | "running" | "done" | "failed">().notNull().default("pending"),
    runAt: timestamptz("run_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(10),
    /** A running job whose lease passed is taken to have crashed and is claimed again. */
    lockedUntil: timestamptz("locked_until"),
    lastError: text("last_error"),
    finishedAt: timestamptz("finished_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("jobs_due_idx").on(t.runAt).where(sql`${t.status} = 'pending'`),
    index("jobs_lease_idx").on(t.lockedUntil).where(sql`${t.status} = 'running'`),
    uniqueIndex("jobs_unique_key_idx").on(t.uniqueKey).where(sql`${t.status} IN ('pending', 'running')`),
  ],
);
