import { z } from "zod";
import { sql } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { DbOrTx } from "@/lib/kernel/db";
import { col, parseRows } from "@/lib/kernel/db/rows";
import type { CustomerScope } from "@/lib/kernel/scope";
import { rollupsSince } from "./rollup-sql";
import { cachedSpend } from "./spend-cache";

/** Of the customer's assets, the one used most in the last 30 days (by number of fees), or null. */
export async function mostUsedAsset(db: DbOrTx, scope: CustomerScope, assets: readonly string[]): Promise<string | null> {
  if (assets.length === 0) return null;
  const since = new Date(now().getTime() - 30 * 86_400_000).toISOString();
  return cachedSpend(db, scope, `most-used:${assets.join(",")}`, async () => {
    const [row] = parseRows(z.object({ asset: col.text() }), await db.execute(sql`
        SELECT r.asset_code AS asset FROM spend_rollups r
        WHERE ${rollupsSince(scope, assets, sql`${since}::timestamptz`)}
        GROUP BY r.asset_code ORDER BY sum(r.fees) DESC, r.asset_code LIMIT 1`)
    );
    return row?.asset ?? null;
  });
}
