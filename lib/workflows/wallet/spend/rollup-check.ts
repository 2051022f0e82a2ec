import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";

/** Customer/asset pairs whose rollups do not add up to their fees; empty when the rollups are exact. */
export async function findRollupDrift(db: DbOrTx, platformId: string): Promise<string[]> {
  const rows = rowsOf<{ k: string }>(
    await db.execute(sql`
      SELECT coalesce(f.customer_id, r.customer_id) || '/' || coalesce(f.asset_code, r.asset_code) AS k
      FROM (SELECT customer_id, asset_code, sum(amount) AS s, count(*) AS n FROM event_fees WHERE platform_id = ${platformId} GROUP BY 1, 2) f
      FULL JOIN (SELECT customer_id, asset_code, sum(amount) AS s, sum(fees) AS n FROM spend_rollups WHERE platform_id = ${platformId} GROUP BY 1, 2) r
        ON r.customer_id = f.customer_id AND r.asset_code = f.asset_code
      WHERE f.s IS DISTINCT FROM r.s OR f.n IS DISTINCT FROM r.n`),
  );
  return rows.map((r) => r.k);
}
