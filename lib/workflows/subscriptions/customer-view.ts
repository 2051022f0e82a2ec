import type { DbOrTx } from "@/lib/kernel/db";
import type { PlatformScope } from "@/lib/kernel/scope";
import { listSubscriptionViews, listSubscriptionViewsFor } from "@/lib/workflows/subscriptions/subscription-view";
import type { CustomerRow } from "@/lib/domain/customers/customer-store";
import { serializeCustomer } from "@/lib/domain/customers/serialize";

/** A customer as the API shows it, subscriptions included. */
export async function customerView(db: DbOrTx, scope: PlatformScope, row: CustomerRow) {
  return serializeCustomer(row, await listSubscriptionViews(db, scope, row.id));
}

/** A page of customers with their subscriptions, read in one query rather than one per customer. */
export async function customerViews(db: DbOrTx, scope: PlatformScope, rows: CustomerRow[]) {
  const subscriptions = await listSubscriptionViewsFor(db, scope, rows.map((r) => r.id));
  return rows.map((row) => serializeCustomer(row, subscriptions.get(row.id) ?? []));
}
