import { z } from "zod";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { col, parseRows } from "@/lib/kernel/db/rows";
import type { PlatformScope } from "@/lib/kernel/scope";
import { getVendorOrThrow } from "@/lib/domain/vendors/vendor-store";
import { range, type CustomerStatsQuery } from "./customer-stats";
import { keyedTotal, revenueFigures } from "./revenue-figures";

/**
 * What a vendor cost over [from, to) by currency, how many events those costs came with, and the revenue
 * (fees by asset) those events earned, with the margin per currency: customer stats seen from the vendor.
 * @throws NotFoundError
 */
export async function vendorStats(db: DbOrTx, scope: PlatformScope, vendorId: string, query: CustomerStatsQuery) {
  const vendor = await getVendorOrThrow(db, scope, vendorId);
  const own = sql`vendor_id = ${vendor.id} AND platform_id = ${scope.platformId} AND live_mode = ${scope.liveMode} ${range(query)}`;
  const [costs, fees, counted] = await Promise.all([
    db.execute(sql`SELECT currency AS k, sum(amount)::text AS total FROM event_costs WHERE ${own} GROUP BY currency ORDER BY currency`),
    db.execute(sql`SELECT f.asset_code AS k, sum(f.amount)::text AS total FROM event_fees f
      WHERE f.event_pk IN (SELECT event_pk FROM event_costs WHERE ${own}) GROUP BY f.asset_code ORDER BY f.asset_code`),
    db.execute(sql`SELECT count(DISTINCT event_pk)::int AS n FROM event_costs WHERE ${own}`),
  ]);
  const figures = await revenueFigures(db, scope, parseRows(keyedTotal, fees), parseRows(keyedTotal, costs));
  return {
    id: vendor.id,
    from: query.from?.toISOString() ?? null,
    to: query.to?.toISOString() ?? null,
    event_count: parseRows(z.object({ n: col.int() }), counted)[0]?.n ?? 0,
    ...figures,
  };
}
