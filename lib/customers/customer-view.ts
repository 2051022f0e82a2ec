import type { DbOrTx } from "@/lib/db";
import type { PlatformScope } from "@/lib/scope";
import { listSubscriptionViews } from "@/lib/catalog/subscription-view";
import type { CustomerRow } from "./customer-store";
import { serializeCustomer } from "./serialize";

/** A customer as the API shows it, subscriptions included. */
export async function customerView(db: DbOrTx, scope: PlatformScope, row: CustomerRow) {
  return serializeCustomer(row, await listSubscriptionViews(db, scope, row.id));
}
