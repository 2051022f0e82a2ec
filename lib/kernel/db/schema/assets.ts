import { index, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { createdAt, money, tenantColumns, timestamptz } from "./columns";

/** Custom assets (credits, tokens, minutes). Fiat assets are built in: lib/kernel/money/fiat.ts. */
export const assets = pgTable(
  "assets",
  {
    ...tenantColumns(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    precision: integer("precision").notNull(),
    symbol: text("symbol"),
    label: text("label"),
    /** The name per portal locale ("de" → "Guthaben"); `name` where a locale has none. */
    names: jsonb("names").$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.platformId, t.liveMode, t.code] })],
);

/** Price of one unit of a custom asset in a fiat source currency; later rows supersede earlier ones. */
export const assetRates = pgTable(
  "asset_rates",
  {
    id: text("id").primaryKey(),
    ...tenantColumns(),
    assetCode: text("asset_code").notNull(),
    source: text("source").notNull(),
    /** Fiat price of one unit (`rate`) or units per fiat unit (`inverse_rate`): whichever was given stays exact. */
    rate: money("rate"),
    inverseRate: money("inverse_rate"),
    position: integer("position").notNull(),
    effectiveAt: timestamptz("effective_at").notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index("asset_rates_asset_idx").on(t.platformId, t.liveMode, t.assetCode, t.source, t.effectiveAt)],
);
