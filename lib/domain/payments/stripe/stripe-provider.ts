import Stripe from "stripe";
import { toMinorUnits } from "@/lib/kernel/money";
import { PaymentProviderUnavailableError } from "@/lib/domain/payments/errors";
import { minorDigits } from "@/lib/kernel/money/limits";
import type { CheckoutRequest, OffSessionOutcome, OffSessionRequest, PaymentProvider, SavedCard } from "@/lib/domain/payments/provider/types";
import { stripeClient } from "./client";
import { errorOf, stateFromIntent } from "./intent-state";

const { StripeCardError, StripeInvalidRequestError, StripeError } = Stripe.errors;

/** Stripe's own failures (network, 5xx, rate limits) become a retryable 503; its validation errors stay as they are. */
async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof StripeError && !(error instanceof StripeInvalidRequestError) && !(error instanceof StripeCardError)) {
      throw new PaymentProviderUnavailableError();
    }
    throw error;
  }
}

function minor(amount: NonNullable<CheckoutRequest["amount"]>, currency: string): number {
  // At most eight digits (checked before any call), so the integer is exact as a JS number.
  return Number(toMinorUnits(amount, minorDigits(currency)));
}

function checkoutParams(req: CheckoutRequest): Stripe.Checkout.SessionCreateParams {
  const common = {
    customer: req.providerCustomerId,
    metadata: req.metadata,
    success_url: req.successUrl,
    cancel_url: req.cancelUrl,
    expires_at: Math.floor(req.expiresAt.getTime() / 1000),
  };
  if (req.mode === "setup") {
    return { ...common, mode: "setup", allowed_payment_method_types: ["card"], setup_intent_data: { metadata: req.metadata } };
  }
  const currency = req.currency!;
  return {
    ...common,
    mode: "payment",
    client_reference_id: req.metadata.top_up_id,
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: currency.toLowerCase(),
          unit_amount: minor(req.amount!, currency),
          product_data: { name: req.productName ?? "Top-up" },
          ...(req.automaticTax ? { tax_behavior: req.automaticTax.taxBehavior } : {}),
        },
      },
    ],
    // Stripe Tax needs the buyer's address; Checkout asks for it and for a business tax ID.
    ...(req.automaticTax
      ? { automatic_tax: { enabled: true }, billing_address_collection: "required" as const, tax_id_collection: { enabled: true }, customer_update: { address: "auto" as const, name: "auto" as const } }
      : {}),
    // A plan's renewals charge the card it was paid with; a top-up's card is saved only when the customer
    // ticks Checkout's own "save" box (Stripe asks, so it is the customer's consent).
    ...(req.metadata.origin === "subscription"
      ? { payment_intent_data: { setup_future_usage: "off_session" as const, description: req.description ?? undefined, metadata: req.metadata } }
      : { payment_intent_data: { description: req.description ?? undefined, metadata: req.metadata }, saved_payment_method_options: { payment_method_save: "enabled" as const } }),
  };
}

async function chargeOffSession(req: OffSessionRequest): Promise<OffSessionOutcome> {
  const stripe = stripeClient();
  try {
    const pi = await stripe.paymentIntents.create(
      {
        amount: minor(req.amount, req.currency),
        currency: req.currency.toLowerCase(),
        customer: req.providerCustomerId,
        payment_method: req.paymentMethodId,
        off_session: true,
        confirm: true,
        description: req.description,
        metadata: req.metadata,
      },
      { idempotencyKey: req.idempotencyKey },
    );
    return { state: stateFromIntent(pi), error: null };
  } catch (error) {
    if (error instanceof StripeCardError && error.payment_intent) {
      return { state: stateFromIntent(error.payment_intent, errorOf(error)), error: null };
    }
    if (error instanceof StripeCardError || error instanceof StripeInvalidRequestError) return { state: null, error: errorOf(error) };
    if (error instanceof StripeError) throw new PaymentProviderUnavailableError();
    throw error;
  }
}

/** A PaymentIntent's current state read from Stripe (the server-side truth every webhook is checked against), or null if unknown. */
export async function retrieveIntentState(paymentIntentId: string) {
  try {
    return stateFromIntent(await stripeClient().paymentIntents.retrieve(paymentIntentId, { expand: ["latest_charge"] }));
  } catch (error) {
    if (error instanceof StripeInvalidRequestError && error.code === "resource_missing") return null;
    if (error instanceof StripeError) throw new PaymentProviderUnavailableError();
    throw error;
  }
}

/** The provider boundary on Stripe's API (or any Stripe-compatible server given by STRIPE_API_URL). */
export const stripeProvider: PaymentProvider = {
  kind: "stripe",
  deliversWebhooks: true,
  async createCustomer({ scope, customerId, email, name, idempotencyKey }) {
    const metadata = { billfold_customer_id: customerId, billfold_platform_id: scope.platformId, billfold_live_mode: String(scope.liveMode) };
    const customer = await guarded(() =>
      stripeClient().customers.create({ email: email ?? undefined, name: name ?? undefined, metadata }, { idempotencyKey }),
    );
    return customer.id;
  },
  async createCheckout(req) {
    const session = await guarded(() => stripeClient().checkout.sessions.create(checkoutParams(req), { idempotencyKey: req.idempotencyKey }));
    return { id: session.id, url: session.url! };
  },
  async expireCheckout(_scope, sessionId) {
    const stripe = stripeClient();
    const session = await guarded(() => stripe.checkout.sessions.retrieve(sessionId));
    if (session.status !== "open") return session.status === "complete" ? "complete" : "expired";
    try {
      await stripe.checkout.sessions.expire(sessionId);
      return "expired";
    } catch (error) {
      // Paid in the instant between the two calls: Stripe refuses to expire a completed session.
      if (!(error instanceof StripeInvalidRequestError)) throw new PaymentProviderUnavailableError();
      const again = await guarded(() => stripe.checkout.sessions.retrieve(sessionId));
      return again.status === "complete" ? "complete" : "expired";
    }
  },
  chargeOffSession,
  retrievePayment: (_scope, paymentIntentId) => retrieveIntentState(paymentIntentId),
  async listCards(_scope, providerCustomerId) {
    const list = await guarded(() => stripeClient().customers.listPaymentMethods(providerCustomerId, { type: "card", limit: 100 }));
    return list.data.flatMap((pm): SavedCard[] =>
      pm.card ? [{ id: pm.id, brand: pm.card.brand, last4: pm.card.last4, expMonth: pm.card.exp_month, expYear: pm.card.exp_year }] : [],
    );
  },
  async setDefaultCard(_scope, providerCustomerId, paymentMethodId) {
    await guarded(() => stripeClient().customers.update(providerCustomerId, { invoice_settings: { default_payment_method: paymentMethodId } }));
  },
  async detachCard(_scope, paymentMethodId) {
    await guarded(() => stripeClient().paymentMethods.detach(paymentMethodId));
  },
};
