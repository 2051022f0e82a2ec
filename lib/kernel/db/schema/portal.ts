import { index, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, tenantColumns, timestamptz } from "./columns";

/** Server-side portal sessions; the cookie holds a random id and only its SHA-256 is stored. */
export const portalSessions = pgTable(
  "portal_sessions",
  {
    idHash: text("id_hash").primaryKey(),
    ...tenantColumns(),
    customerId: text("customer_id").notNull(),
    returnUrl: text("return_url").notNull(),
    failureUrl: text("failure_url").notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamptz("last_seen_at").notNull().defaultNow(),
    expiresAt: timestamptz("expires_at").notNull(),
    endedAt: timestamptz("ended_at"),
  },
  (t) => [index("portal_sessions_customer_idx").on(t.platformId, t.customerId)],
);

/** Redirect-token ids already exchanged; the primary key makes a second exchange impossible. */
export const usedTokens = pgTable("used_tokens", {
  jti: text("jti").primaryKey(),
  platformId: text("platform_id").notNull(),
  expiresAt: timestamptz("expires_at").notNull(),
  usedAt: createdAt(),
});
