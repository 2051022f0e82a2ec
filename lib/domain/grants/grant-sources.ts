import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { z } from "zod";
import { col, parseRows } from "@/lib/kernel/db/rows";
import type { CustomerScope } from "@/lib/kernel/scope";

/**
 * Where each of the customer's live grants came from, in words a customer recognises: the coupon's
 * code, the plan's name, or the description the credit was posted with. Null when none is known.
 */
export async function grantSourceNames(db: DbOrTx, scope: CustomerScope): Promise<Map<string, string>> {
  const rows = parseRows(
    z.object({ id: col.text(), name: col.text().nullable() }),
    await db.execute(sql`
      SELECT g.id, CASE g.source
        WHEN 'coupon' THEN (SELECT c.code FROM coupon_redemptions r JOIN coupons c ON c.id = r.coupon_id WHERE r.id = g.source_id)
        WHEN 'entitlement' THEN (
          SELECT v.name FROM subscription_products sp JOIN product_versions v ON v.product_id = sp.product_id AND v.version = sp.version
          WHERE sp.subscription_id = g.source_id ORDER BY sp.position LIMIT 1)
        ELSE (SELECT t.description FROM ledger_transfers t WHERE t.id = g.transfer_id)
      END AS name
      FROM credit_grants g
      WHERE g.platform_id = ${scope.platformId} AND g.live_mode = ${scope.liveMode} AND g.customer_id = ${scope.customerId} AND g.remaining > 0`),
  );
  return new Map(rows.flatMap((r) => (r.name ? [[r.id, r.name] as const] : [])));
}
