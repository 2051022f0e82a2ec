import Stripe from "stripe";
import { PaymentProviderUnavailableError } from "../errors";
import { stripeClient } from "../stripe/client";

/** A PaymentIntent Billfold created (it names its top-up), with its latest charge expanded. */
export interface StripePayment {
  intent: Stripe.PaymentIntent;
  charge: Stripe.Charge | null;
  topUpId: string;
  platformId: string | null;
}

/** Stripe's outages become the retryable 503 every payment path uses; a reconciliation is simply run again. */
async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) throw new PaymentProviderUnavailableError();
    throw error;
  }
}

async function collect<T>(list: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of list) out.push(item);
  return out;
}

function asPayment(intent: Stripe.PaymentIntent): StripePayment | null {
  const topUpId = intent.metadata?.top_up_id;
  if (!topUpId) return null;
  const charge = intent.latest_charge && typeof intent.latest_charge === "object" ? intent.latest_charge : null;
  return { intent, charge, topUpId, platformId: intent.metadata?.platform_id ?? null };
}

/**
 * Pages of Billfold's PaymentIntents created since `from`, newest first, as Stripe lists them. Other
 * PaymentIntents on the account (no `top_up_id` in their metadata) are not ours to reconcile.
 */
export async function* paymentPages(from: Date, pageSize: number): AsyncGenerator<StripePayment[]> {
  const params: Stripe.PaymentIntentListParams = { created: { gte: Math.floor(from.getTime() / 1000) }, limit: pageSize, expand: ["data.latest_charge"] };
  for (;;) {
    const page = await guarded(() => stripeClient().paymentIntents.list(params));
    yield page.data.flatMap((intent) => asPayment(intent) ?? []);
    if (!page.has_more || page.data.length === 0) return;
    params.starting_after = page.data.at(-1)!.id;
  }
}

/** One PaymentIntent by id (a credit whose payment was not in the listed window), or null when Stripe has none. */
export async function retrievePayment(paymentIntentId: string): Promise<StripePayment | null> {
  try {
    return asPayment(await stripeClient().paymentIntents.retrieve(paymentIntentId, { expand: ["latest_charge"] }));
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing") return null;
    if (error instanceof Stripe.errors.StripeError) throw new PaymentProviderUnavailableError();
    throw error;
  }
}

export function refundsOf(chargeId: string): Promise<Stripe.Refund[]> {
  return guarded(() => collect(stripeClient().refunds.list({ charge: chargeId, limit: 100 })));
}

export function disputesOf(paymentIntentId: string): Promise<Stripe.Dispute[]> {
  return guarded(() => collect(stripeClient().disputes.list({ payment_intent: paymentIntentId, limit: 100 })));
}
