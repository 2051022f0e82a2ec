import { sql, type SQL } from "drizzle-orm";
import type { CustomerScope } from "@/lib/kernel/scope";

/** `spend_rollups` rows of one customer in one scope (alias r). */
export function rollupsOf(scope: CustomerScope): SQL {
  return sql`r.customer_id = ${scope.customerId} AND r.platform_id = ${scope.platformId} AND r.live_mode = ${scope.liveMode}`;
}

/**
 * Rows of the given assets from `since` on. The primary key leads with (customer, asset, slot), so
 * naming the assets turns the scan into index ranges; `since` must be a constant (a parameter or a
 * column of a one-row CTE), because a per-row time-zone conversion costs more than the sum itself.
 */
export function rollupsSince(scope: CustomerScope, assets: readonly string[], since: SQL): SQL {
  return sql`${rollupsOf(scope)} AND r.asset_code = ANY(${sql.param([...assets])}::text[]) AND r.bucket_start >= ${since}`;
}
