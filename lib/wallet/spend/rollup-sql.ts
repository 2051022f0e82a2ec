import { sql, type SQL } from "drizzle-orm";
import type { CustomerScope } from "@/lib/scope";

/** `spend_rollups` rows of one customer in one scope (alias r). */
export function rollupsOf(scope: CustomerScope): SQL {
  return sql`r.customer_id = ${scope.customerId} AND r.platform_id = ${scope.platformId} AND r.live_mode = ${scope.liveMode}`;
}
