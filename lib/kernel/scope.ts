import { and, eq, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/** What every platform-side query filters by: the platform and the mode of its API key. */
export interface PlatformScope {
  platformId: string;
  liveMode: boolean;
}

/** A portal session reaches exactly one customer. */
export interface CustomerScope extends PlatformScope {
  customerId: string;
}

interface TenantTable {
  platformId: PgColumn;
  liveMode: PgColumn;
}

/** `platform_id = $1 AND live_mode = $2` for any tenant-owned table. */
export function inScope(table: TenantTable, scope: PlatformScope): SQL {
  return and(eq(table.platformId, scope.platformId), eq(table.liveMode, scope.liveMode))!;
}
