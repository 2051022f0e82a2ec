import { boolean, index, jsonb, pgTable, text, uniqueIndex, type AnyPgColumn } from "drizzle-orm/pg-core";
import { createdAt, timestamptz } from "./columns";

/**
 * A platform, or a connected account of one (parent_platform_id set): a business the platform hosts, with
 * its own customers, products and wallets, reached with the parent's key and the X-CREDYT-ACCOUNT header.
 */
export const platforms = pgTable(
  "platforms",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** Branding, product URLs and redirect origins, validated by lib/branding's schema. */
    branding: jsonb("branding").$type<Record<string, unknown>>().notNull().default({}),
    /** Top-up limits and auto top-up caps, validated by lib/platforms' settings schema. */
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    parentPlatformId: text("parent_platform_id").references((): AnyPgColumn => platforms.id),
    /** A connected account lives in one mode, the mode of the key that created it; null for a platform. */
    liveMode: boolean("live_mode"),
    externalId: text("external_id"),
    metadata: jsonb("metadata").$type<Record<string, string>>(),
  },
  (t) => [
    uniqueIndex("platforms_connected_external_id_idx").on(t.parentPlatformId, t.liveMode, t.externalId),
    index("platforms_connected_list_idx").on(t.parentPlatformId, t.liveMode, t.createdAt, t.id),
  ],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    platformId: text("platform_id")
      .notNull()
      .references(() => platforms.id),
    liveMode: boolean("live_mode").notNull(),
    /** SHA-256 of the key; the key itself is shown once and never stored. */
    keyHash: text("key_hash").notNull(),
    /** First characters of the key, to tell keys apart in listings. */
    hint: text("hint").notNull(),
    createdAt: createdAt(),
    revokedAt: timestamptz("revoked_at"),
  },
  (t) => [uniqueIndex("api_keys_hash_idx").on(t.keyHash), index("api_keys_platform_idx").on(t.platformId)],
);

/** Server-wide settings such as the generated signing secret when BILLFOLD_SECRET is not set. */
export const serverSettings = pgTable("server_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  createdAt: createdAt(),
});
