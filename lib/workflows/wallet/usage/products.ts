import { z } from "zod";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { col, parseRows } from "@/lib/kernel/db/rows";
import type { CustomerScope } from "@/lib/kernel/scope";

/** The products a customer is (or was) subscribed to, by name: the usage filter's choices. */
export async function customerProducts(db: DbOrTx, scope: CustomerScope): Promise<{ id: string; name: string }[]> {
  return parseRows(z.object({ id: col.text(), name: col.text() }), await db.execute(sql`
      SELECT DISTINCT ON (sp.product_id) sp.product_id AS id, pv.name
      FROM subscription_products sp
      JOIN product_versions pv ON pv.product_id = sp.product_id AND pv.version = sp.version
      WHERE sp.customer_id = ${scope.customerId} AND sp.platform_id = ${scope.platformId} AND sp.live_mode = ${scope.liveMode}
      ORDER BY sp.product_id, sp.version DESC`)
  ).sort((a, b) => a.name.localeCompare(b.name));
}
