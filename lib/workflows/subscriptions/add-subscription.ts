import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/kernel/db";
import { customers } from "@/lib/kernel/db/schema";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { NotFoundError } from "@/lib/kernel/errors";
import { isId } from "@/lib/kernel/ids";
import { inScope, type PlatformScope } from "@/lib/kernel/scope";
import type { SubscriptionRequest } from "@/lib/domain/customers/schemas";
import { openFirstCheckouts } from "@/lib/workflows/subscriptions/first-charge";
import { subscribeCustomer } from "./subscribe";
import { listSubscriptionViews, type SubscriptionView } from "./subscription-view";

/**
 * Adds a subscription to an existing customer. The customer row is locked for the transaction so
 * concurrent requests cannot subscribe it to the same product twice.
 * @throws NotFoundError (customer), ValidationError
 */
export async function addSubscription(db: Db, scope: PlatformScope, customerId: string, request: SubscriptionRequest): Promise<SubscriptionView> {
  if (!isId("customer", customerId)) throw new NotFoundError("Customer");
  const id = await withTransaction(db, async (tx) => {
    const [row] = await tx.select({ id: customers.id }).from(customers).where(and(inScope(customers, scope), eq(customers.id, customerId))).for("update");
    if (!row) throw new NotFoundError("Customer");
    return subscribeCustomer(tx, scope, customerId, request, "");
  });
  await openFirstCheckouts(db, { ...scope, customerId });
  const views = await listSubscriptionViews(db, scope, customerId);
  return views.find((v) => v.id === id)!;
}
