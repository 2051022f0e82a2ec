import { sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";
import type { CustomerScope } from "@/lib/scope";
import { rollupsOf } from "./rollup-sql";

/** The asset the customer used most in the last 30 days (by number of fees), or null. */
export async function mostUsedAsset(db: DbOrTx, scope: CustomerScope): Promise<string | null> {
  const [row] = rowsOf<{ asset: string }>(
    await db.execute(sql`
      SELECT r.asset_code AS asset FROM spend_rollups r
      WHERE ${rollupsOf(scope)} AND r.bucket_start >= ${now().toISOString()}::timestamptz - interval '30 days'
      GROUP BY r.asset_code ORDER BY sum(r.fees) DESC, r.asset_code LIMIT 1`),
  );
  return row?.asset ?? null;
}
