import { boolean, numeric, text, timestamp } from "drizzle-orm/pg-core";

/** Millisecond precision, so a value read back into a JS Date compares equal (keyset cursors rely on it). */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: "date" });

// Indexes are declared ascending: Postgres scans them backwards for ORDER BY … DESC (whose default is
// NULLS FIRST), which a "DESC NULLS LAST" index cannot serve without sorting the whole range.
export const createdAt = () => timestamptz("created_at").notNull().defaultNow();

/** Exact money: read as a string and turned into a Decimal, never a float. */
export const money = (name: string) => numeric(name, { precision: 38, scale: 12 });

/** Every tenant-owned row carries the platform and the mode (test or live) of the key that made it. */
export const tenantColumns = () => ({
  platformId: text("platform_id").notNull(),
  liveMode: boolean("live_mode").notNull(),
});
