import { eq } from "drizzle-orm";
import type { Db } from "@/lib/kernel/db";
import { autoTopUpAttempts, topUps } from "@/lib/kernel/db/schema";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { faultPoint } from "@/lib/kernel/faults";
import { chargeAmount } from "@/lib/domain/payments/top-ups/payment-tax";
import { ensurePaymentCustomer } from "@/lib/domain/payments/customers";
import { applyPaymentState } from "@/lib/domain/payments/fulfilment/apply-payment-state";
import { providerOf } from "@/lib/domain/payments/select-provider";
import type { ProviderKind } from "@/lib/domain/payments/provider/types";
import { paymentMetadata } from "@/lib/domain/payments/top-ups/checkout";
import { abandonAttempt, outcomeOf, settleAttempt } from "@/lib/domain/payments/attempts/outcome";
import { accountOf, customerScopeOf, findConfig } from "@/lib/domain/payments/attempts/store";

/**
 * Charges the card for a written attempt and records the answer. The attempt id is the provider's
 * idempotency key, so running this again for the same attempt (after a crash anywhere in here) sends
 * the identical request and gets the original PaymentIntent back: never a second charge.
 * @throws PaymentProviderUnavailableError (the attempt stays pending and is resumed later)
 */
export async function driveAttempt(db: Db, attemptId: string): Promise<void> {
  const [attempt] = await db.select().from(autoTopUpAttempts).where(eq(autoTopUpAttempts.id, attemptId)).limit(1);
  if (!attempt || attempt.status !== "pending" || !attempt.topUpId || !attempt.paymentMethodId) return;
  const [topUp] = await db.select().from(topUps).where(eq(topUps.id, attempt.topUpId)).limit(1);
  if (!topUp) return;
  const scope = customerScopeOf(attempt);
  // A renewal charge is the subscription's, not governed by auto top-up settings.
  const config = attempt.purpose === "renewal" ? null : await findConfig(db, scope, accountOf(attempt));
  if (attempt.purpose !== "renewal" && !config?.enabled) {
    // Written while it was on, resumed after the customer switched it off: their latest word wins. (If an
    // earlier run did reach the provider, that payment's webhook still credits it.)
    await withTransaction(db, (tx) => abandonAttempt(tx, attempt.id, "Not charged: auto top-up was switched off before the charge was sent."));
    return;
  }
  const provider = providerOf(db, topUp.provider as ProviderKind, scope);
  const customer = await ensurePaymentCustomer(db, scope, provider);
  const result = await provider.chargeOffSession({
    scope,
    providerCustomerId: customer.providerCustomerId,
    paymentMethodId: attempt.paymentMethodId,
    // The attempt's amount buys the units; tax on top of it (tax-exclusive prices) is charged with it.
    amount: await chargeAmount(db, topUp),
    currency: attempt.currency,
    description: topUp.description ?? "Automatic top-up",
    metadata: paymentMetadata(topUp),
    idempotencyKey: attempt.id,
  });
  faultPoint("after-stripe-call-before-commit");
  await withTransaction(db, (tx) => settleAttempt(tx, attempt.id, outcomeOf(result)));
  // Stripe will send its webhook; the test provider has none, so its answer goes through the same fulfilment here.
  if (!provider.deliversWebhooks && result.state) await applyPaymentState(db, result.state);
}
