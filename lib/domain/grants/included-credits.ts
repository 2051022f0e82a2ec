import { z } from "zod";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { dec } from "@/lib/kernel/money";
import { col, parseRows } from "@/lib/kernel/db/rows";
import type { CustomerScope } from "@/lib/kernel/scope";

/** What is left of the credits a subscription's entitlements granted and that are still live, per asset. */
export async function includedCreditsLeft(db: DbOrTx, scope: CustomerScope, subscriptionId: string): Promise<{ asset: string; amount: string }[]> {
  const rows = parseRows(z.object({ asset: col.text(), amount: col.text() }), await db.execute(sql`
      SELECT asset_code AS asset, sum(remaining)::text AS amount FROM credit_grants
      WHERE platform_id = ${scope.platformId} AND live_mode = ${scope.liveMode} AND customer_id = ${scope.customerId}
        AND source = 'entitlement' AND source_id = ${subscriptionId} AND expired_at IS NULL
      GROUP BY asset_code ORDER BY asset_code`)
  );
  return rows.map((r) => ({ asset: r.asset, amount: dec(r.amount).toString() }));
}
