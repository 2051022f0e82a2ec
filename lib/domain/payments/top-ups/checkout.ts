import { formatAmount } from "@/lib/kernel/money/format";
import { findAsset } from "@/lib/domain/assets/find-asset";
import { now } from "@/lib/kernel/clock";
import type { Db } from "@/lib/kernel/db";
import { env } from "@/lib/kernel/env";
import { chargeAmount, usesStripeTax } from "@/lib/domain/payments/top-ups/payment-tax";
import { getPlatformSettings } from "@/lib/domain/platforms/settings";
import { assetDisplay } from "@/lib/domain/wallet/balances";
import { ensurePaymentCustomer } from "@/lib/domain/payments/customers";
import { providerOf } from "@/lib/domain/payments/select-provider";
import type { ProviderKind } from "@/lib/domain/payments/provider/types";
import { updateTopUp, type TopUpRow, isPlanCharge } from "./store";

// Stripe refuses Checkout Sessions that expire sooner than 30 minutes after creation.
const MIN_CHECKOUT_MS = 31 * 60 * 1000;

export function portalUrl(path: string): string {
  return `${env().PORTAL_URL.replace(/\/$/, "")}${path}`;
}

/** What every provider object for a top-up carries, so any event about it leads back to the top-up. */
export function paymentMetadata(topUp: TopUpRow): Record<string, string> {
  return {
    top_up_id: topUp.id,
    platform_id: topUp.platformId,
    customer_id: topUp.customerId,
    live_mode: String(topUp.liveMode),
    origin: topUp.origin,
    ...(topUp.attemptId ? { attempt_id: topUp.attemptId } : {}),
    ...(topUp.subscriptionId ? { subscription_id: topUp.subscriptionId } : {}),
  };
}

async function productName(db: Db, topUp: TopUpRow): Promise<string> {
  if (isPlanCharge(topUp)) return topUp.description ?? "Subscription";
  const scope = { platformId: topUp.platformId, liveMode: topUp.liveMode };
  const asset = await findAsset(db, scope, topUp.assetCode);
  return asset ? `Top-up: ${formatAmount(topUp.units, assetDisplay(asset), "en-US")}` : "Top-up";
}

/**
 * The Checkout page for a top-up, created on first need. Its idempotency key is derived from the
 * top-up, so a retry after a crash between Stripe's answer and our commit gets the same session.
 * @throws PaymentProviderUnavailableError, PaymentsUnavailableError
 */
export async function ensureCheckout(db: Db, topUp: TopUpRow): Promise<string> {
  if (topUp.checkoutUrl) return topUp.checkoutUrl;
  const scope = { platformId: topUp.platformId, liveMode: topUp.liveMode, customerId: topUp.customerId };
  const provider = providerOf(db, topUp.provider as ProviderKind, scope);
  const customer = await ensurePaymentCustomer(db, scope, provider);
  const earliest = new Date(now().getTime() + MIN_CHECKOUT_MS);
  const expiresAt = topUp.expiresAt && topUp.expiresAt > earliest ? topUp.expiresAt : earliest;
  const returnPage = portalUrl(`/top-up/${topUp.id}`);
  // A platform's own pages come first: API top-ups and subscriptions return where the platform asked.
  const external = topUp.origin === "api" || isPlanCharge(topUp);
  const session = await provider.createCheckout({
    scope,
    providerCustomerId: customer.providerCustomerId,
    mode: "payment",
    amount: await chargeAmount(db, topUp),
    currency: topUp.currency,
    productName: await productName(db, topUp),
    automaticTax: (await usesStripeTax(db, topUp)) ? { taxBehavior: (await getPlatformSettings(db, scope)).invoicing.tax.behavior } : null,
    description: topUp.description,
    metadata: paymentMetadata(topUp),
    successUrl: external && topUp.returnUrl ? topUp.returnUrl : returnPage,
    cancelUrl: isPlanCharge(topUp) && topUp.failureUrl ? topUp.failureUrl : `${returnPage}?cancelled=1`,
    expiresAt,
    idempotencyKey: `checkout:${topUp.id}`,
  });
  await updateTopUp(db, topUp.id, { checkoutSessionId: session.id, checkoutUrl: session.url, expiresAt });
  return session.url;
}
