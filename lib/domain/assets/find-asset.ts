import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { assetRates, assets } from "@/lib/kernel/db/schema";
import { NotFoundError, ValidationError } from "@/lib/kernel/errors";
import { dec } from "@/lib/kernel/money";
import { inScope, type PlatformScope } from "@/lib/kernel/scope";
import { fiatDigits, fiatName, fiatSymbol } from "@/lib/kernel/money/fiat";
import type { Asset, AssetRate } from "./types";

function fiatAsset(code: string, digits: number): Asset {
  return { code, name: fiatName(code), precision: digits, symbol: fiatSymbol(code), label: code, names: {}, kind: "fiat", rates: [], createdAt: null };
}

type AssetRow = typeof assets.$inferSelect;

async function withRates(db: DbOrTx, scope: PlatformScope, rows: AssetRow[]): Promise<Asset[]> {
  if (rows.length === 0) return [];
  const rateRows = await db
    .select()
    .from(assetRates)
    .where(and(inScope(assetRates, scope), inArray(assetRates.assetCode, rows.map((r) => r.code))))
    .orderBy(asc(assetRates.position), desc(assetRates.effectiveAt));
  const byAsset = new Map<string, AssetRate[]>();
  for (const r of rateRows) {
    const list = byAsset.get(r.assetCode) ?? [];
    list.push({
      source: r.source,
      rate: r.rate === null ? null : dec(r.rate),
      inverseRate: r.inverseRate === null ? null : dec(r.inverseRate),
      effectiveAt: r.effectiveAt,
    });
    byAsset.set(r.assetCode, list);
  }
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    precision: row.precision,
    symbol: row.symbol,
    label: row.label,
    names: row.names,
    kind: "custom" as const,
    rates: byAsset.get(row.code) ?? [],
    createdAt: row.createdAt,
  }));
}

/** Fiat or custom asset by code, or null. */
export async function findAsset(db: DbOrTx, scope: PlatformScope, code: string): Promise<Asset | null> {
  const digits = fiatDigits(code);
  if (digits !== undefined) return fiatAsset(code, digits);
  const rows = await db.select().from(assets).where(and(inScope(assets, scope), eq(assets.code, code))).limit(1);
  const [asset] = await withRates(db, scope, rows);
  return asset ?? null;
}

/** @throws NotFoundError */
export async function getAssetOrThrow(db: DbOrTx, scope: PlatformScope, code: string): Promise<Asset> {
  const asset = await findAsset(db, scope, code);
  if (!asset) throw new NotFoundError("Asset");
  return asset;
}

/** For assets named in a request body: an unknown code is a validation error on `field`. */
export async function requireAsset(db: DbOrTx, scope: PlatformScope, code: string, field: string): Promise<Asset> {
  const asset = await findAsset(db, scope, code);
  if (!asset) throw ValidationError.field(field, `Unknown asset '${code}'.`);
  return asset;
}

/** Several assets at once (fiat resolved locally), keyed by code; unknown codes are absent. */
export async function findAssets(db: DbOrTx, scope: PlatformScope, codes: string[]): Promise<Map<string, Asset>> {
  const out = new Map<string, Asset>();
  const custom: string[] = [];
  for (const code of new Set(codes)) {
    const digits = fiatDigits(code);
    if (digits !== undefined) out.set(code, fiatAsset(code, digits));
    else custom.push(code);
  }
  if (custom.length > 0) {
    const rows = await db.select().from(assets).where(and(inScope(assets, scope), inArray(assets.code, custom)));
    for (const asset of await withRates(db, scope, rows)) out.set(asset.code, asset);
  }
  return out;
}

export { withRates };
