import { and, eq } from "drizzle-orm";
import { subscribeCustomer } from "@/lib/workflows/subscriptions/subscribe";
import type { Db } from "@/lib/kernel/db";
import { customers, topUps } from "@/lib/kernel/db/schema";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { NotFoundError, ValidationError } from "@/lib/kernel/errors";
import { ensureCheckout, portalUrl } from "@/lib/domain/payments/top-ups/checkout";
import { inScope, type CustomerScope } from "@/lib/kernel/scope";
import { currentPlan, publishedPlans } from "./portal-plan";

/**
 * The customer takes a published plan from the portal: a pending subscription whose first period is
 * paid through Checkout, which comes back to the portal's Plan page either way (not to the platform's
 * return URL, since the customer started here). A customer with a plan switches instead.
 * @throws ValidationError, NotFoundError, PaymentsUnavailableError, PaymentProviderUnavailableError
 */
export async function subscribeInPortal(db: Db, scope: CustomerScope, code: string): Promise<{ checkoutUrl: string }> {
  const plans = await publishedPlans(db, scope);
  if (!plans.some((p) => p.code === code)) throw ValidationError.field("code", "Choose one of the published plans.");
  const current = await currentPlan(db, scope);
  if (current) throw ValidationError.field("code", "You already have a plan: switch it instead.");
  const chargeId = await withTransaction(db, async (tx) => {
    const [row] = await tx.select({ id: customers.id }).from(customers).where(and(inScope(customers, scope), eq(customers.id, scope.customerId))).for("update");
    if (!row) throw new NotFoundError("Customer");
    const subscriptionId = await subscribeCustomer(tx, scope, scope.customerId, { products: [{ code }] }, "");
    const back = { returnUrl: portalUrl("/plan?subscribed=1"), failureUrl: portalUrl("/plan") };
    const [charge] = await tx.update(topUps).set(back).where(and(inScope(topUps, scope), eq(topUps.subscriptionId, subscriptionId))).returning({ id: topUps.id });
    return charge!.id;
  });
  const [charge] = await db.select().from(topUps).where(eq(topUps.id, chargeId)).limit(1);
  return { checkoutUrl: await ensureCheckout(db, charge!) };
}
