import type { Db } from "@/lib/kernel/db";
import { env } from "@/lib/kernel/env";
import type { PlatformScope } from "@/lib/kernel/scope";
import { PaymentsUnavailableError } from "@/lib/domain/payments/errors";
import { stripeKeyIsLive } from "@/lib/domain/payments/stripe/client";
import { stripeProvider } from "@/lib/domain/payments/stripe/stripe-provider";
import { testProvider } from "@/lib/domain/payments/test-provider/test-provider";
import type { PaymentProvider, ProviderKind } from "@/lib/domain/payments/provider/types";

/**
 * Which provider takes new payments in this mode. Live mode needs a live Stripe key: fake payments
 * must never credit live wallets. Test mode uses a test Stripe key when there is one, otherwise the
 * built-in test provider (a live key never charges real cards for test-mode wallets).
 * @throws PaymentsUnavailableError for live mode without a live key
 */
export function providerKindFor(scope: PlatformScope): ProviderKind {
  const key = env().STRIPE_SECRET_KEY;
  if (scope.liveMode) {
    if (key && stripeKeyIsLive()) return "stripe";
    throw new PaymentsUnavailableError(
      key
        ? "Live-mode payments need a live Stripe key (sk_live_…); this server has a test key."
        : "Live-mode payments need Stripe: this server has no STRIPE_SECRET_KEY, and the test provider never takes live payments.",
    );
  }
  return key && !stripeKeyIsLive() ? "stripe" : "test";
}

/**
 * The provider an existing payment object belongs to.
 * @throws PaymentsUnavailableError when that is Stripe and Stripe is no longer configured, or test objects in live mode
 */
export function providerOf(db: Db, kind: ProviderKind, scope: PlatformScope): PaymentProvider {
  if (kind === "stripe") return stripeProvider;
  if (scope.liveMode) throw new PaymentsUnavailableError("The test provider never takes live-mode payments.");
  return testProvider(db);
}

/** The provider for new payments in this scope. @throws PaymentsUnavailableError */
export function currentProvider(db: Db, scope: PlatformScope): PaymentProvider {
  return providerOf(db, providerKindFor(scope), scope);
}
