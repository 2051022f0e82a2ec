import type { DbOrTx } from "@/lib/db";
import type { PlatformScope } from "@/lib/scope";

/** A customer's subscriptions in the API's shape. Subscriptions arrive with the catalog. */
export async function listSubscriptionViews(_db: DbOrTx, _scope: PlatformScope, _customerId: string): Promise<unknown[]> {
  return [];
}
