import { and, eq } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { Db } from "@/lib/kernel/db";
import { autoTopUps } from "@/lib/kernel/db/schema";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { inScope, type CustomerScope } from "@/lib/kernel/scope";
import { disableConfig, updateConfig } from "@/lib/domain/payments/attempts/store";
import { ensurePaymentCustomer, findPaymentCustomer, setDefaultPaymentMethod } from "@/lib/domain/payments/customers";
import { currentProvider } from "@/lib/domain/payments/select-provider";
import { portalUrl } from "@/lib/domain/payments/top-ups/checkout";
import { getOwnCardOrThrow } from "./cards";

const SETUP_LIFETIME_MS = 60 * 60 * 1000;

/**
 * A setup-mode Checkout to save a card. With `confirmFor`, the card saved becomes that account's auto
 * top-up card (the customer confirming a card their bank asked them to authenticate).
 * @throws PaymentsUnavailableError, PaymentProviderUnavailableError
 */
export async function startCardSetup(db: Db, scope: CustomerScope, confirmFor?: { name: string; asset: string }): Promise<string> {
  const provider = currentProvider(db, scope);
  const customer = await ensurePaymentCustomer(db, scope, provider);
  const back = confirmFor ? "/auto-top-up" : "/payment-methods";
  const metadata: Record<string, string> = { customer_id: scope.customerId, platform_id: scope.platformId, live_mode: String(scope.liveMode) };
  if (confirmFor) Object.assign(metadata, { purpose: "confirm_card", account_name: confirmFor.name, asset: confirmFor.asset });
  const session = await provider.createCheckout({
    scope,
    providerCustomerId: customer.providerCustomerId,
    mode: "setup",
    metadata,
    successUrl: portalUrl(`${back}?card=added`),
    cancelUrl: portalUrl(`${back}?card=cancelled`),
    expiresAt: new Date(now().getTime() + SETUP_LIFETIME_MS),
    idempotencyKey: `setup:${scope.customerId}:${crypto.randomUUID()}`,
  });
  return session.url;
}

/** @throws NotFoundError, PaymentsUnavailableError, PaymentProviderUnavailableError */
export async function makeDefaultCard(db: Db, scope: CustomerScope, paymentMethodId: string): Promise<void> {
  await getOwnCardOrThrow(db, scope, paymentMethodId);
  const provider = currentProvider(db, scope);
  const customer = (await findPaymentCustomer(db, scope, provider.kind))!;
  await provider.setDefaultCard(scope, customer.providerCustomerId, paymentMethodId);
  await setDefaultPaymentMethod(db, scope, provider.kind, paymentMethodId);
}

/**
 * Removes a saved card. Auto top-up that was paying with it is switched off, with a notice saying
 * why, rather than failing silently on the next low balance.
 * @throws NotFoundError, PaymentsUnavailableError, PaymentProviderUnavailableError
 */
export async function removeCard(db: Db, scope: CustomerScope, paymentMethodId: string): Promise<void> {
  await getOwnCardOrThrow(db, scope, paymentMethodId);
  const provider = currentProvider(db, scope);
  await provider.detachCard(scope, paymentMethodId);
  await withTransaction(db, async (tx) => {
    const uses = await tx
      .select()
      .from(autoTopUps)
      .where(and(inScope(autoTopUps, scope), eq(autoTopUps.customerId, scope.customerId), eq(autoTopUps.paymentMethodId, paymentMethodId)))
      .for("update");
    for (const c of uses) {
      const account = { name: c.accountName, asset: c.assetCode };
      if (c.enabled) await disableConfig(tx, scope, account, "The card it used was removed. Choose another card and switch auto top-up back on.");
      await updateConfig(tx, scope, account, { paymentMethodId: null });
    }
    const customer = await findPaymentCustomer(tx, scope, provider.kind);
    if (customer?.defaultPaymentMethodId === paymentMethodId) await setDefaultPaymentMethod(tx, scope, provider.kind, null);
  });
}
