import { sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";
import type { CustomerScope } from "@/lib/scope";

/** The asset the customer used most in the last 30 days (by number of fees), or null. */
export async function mostUsedAsset(db: DbOrTx, scope: CustomerScope): Promise<string | null> {
  const [row] = rowsOf<{ asset: string }>(
    await db.execute(sql`
      SELECT f.asset_code AS asset FROM event_fees f
      WHERE f.customer_id = ${scope.customerId} AND f.platform_id = ${scope.platformId} AND f.live_mode = ${scope.liveMode}
        AND f.occurred_at >= ${now().toISOString()}::timestamptz - interval '30 days'
      GROUP BY f.asset_code ORDER BY count(*) DESC, f.asset_code LIMIT 1`),
  );
  return row?.asset ?? null;
}
