import { z } from "zod";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { col, parseRows } from "@/lib/kernel/db/rows";
import type { RatedProduct } from "@/lib/domain/pricing";
import type { PlatformScope } from "@/lib/kernel/scope";
import { compileProduct } from "./compile";
import { decodePrices } from "./definition-codec";

export interface VersionRef {
  productId: string;
  version: number;
}

// Published versions never change (a database trigger refuses edits), so a compiled version can be
// kept for the life of the process; the bound only caps memory.
const MAX_CACHED = 5_000;
const cache = new Map<string, RatedProduct>();

const cacheKey = (scope: PlatformScope, ref: VersionRef) => `${scope.platformId}|${scope.liveMode}|${ref.productId}|${ref.version}`;

function remember(key: string, product: RatedProduct): void {
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, product);
}

const versionRowColumns = z.object({
  product_id: col.text(),
  version: col.int(),
  name: col.text(),
  code: col.text(),
  status: col.text(),
  prices: col.text(),
});

/**
 * The compiled pricing of these product versions, keyed `productId:version`. Published versions
 * come from memory after their first use; one query loads whatever is missing.
 */
export async function loadRatedProducts(db: DbOrTx, scope: PlatformScope, refs: VersionRef[]): Promise<Map<string, RatedProduct>> {
  const out = new Map<string, RatedProduct>();
  const missing: VersionRef[] = [];
  for (const ref of refs) {
    const hit = cache.get(cacheKey(scope, ref));
    if (hit) out.set(`${ref.productId}:${ref.version}`, hit);
    else if (!missing.some((m) => m.productId === ref.productId && m.version === ref.version)) missing.push(ref);
  }
  if (missing.length === 0) return out;
  const rows = parseRows(
    versionRowColumns,
    await db.execute(sql`
      SELECT v.product_id, v.version, v.name, p.code, v.status, v.prices::text AS prices
      FROM unnest(${sql.param(missing.map((m) => m.productId))}::text[], ${sql.param(missing.map((m) => m.version))}::int[]) AS r(product_id, version)
      JOIN product_versions v ON v.product_id = r.product_id AND v.version = r.version
      JOIN products p ON p.id = v.product_id
      WHERE v.platform_id = ${scope.platformId} AND v.live_mode = ${scope.liveMode}`),
  );
  for (const row of rows) {
    const version = Number(row.version);
    const product = compileProduct({ id: row.product_id, code: row.code, name: row.name, version }, decodePrices(row.prices));
    if (row.status === "published") remember(cacheKey(scope, { productId: row.product_id, version }), product);
    out.set(`${row.product_id}:${version}`, product);
  }
  return out;
}
