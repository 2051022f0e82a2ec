import Stripe from "stripe";
import { PaymentProviderUnavailableError, PaymentsUnavailableError } from "@/lib/domain/payments/errors";
import { stripeClient } from "@/lib/domain/payments/stripe/client";
import { expandableId } from "@/lib/domain/payments/stripe/expandable-id";

/** A PaymentIntent Billfold created (it names its top-up), with its latest charge expanded. */
export interface StripePayment {
  intent: Stripe.PaymentIntent;
  charge: Stripe.Charge | null;
  topUpId: string;
  platformId: string | null;
}

/**
 * Stripe's outages become the retryable 503 every payment path uses (the run is simply repeated); a
 * request Stripe refuses (a revoked key, one not allowed to read these objects) says why instead.
 */
async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const { StripeAuthenticationError, StripePermissionError, StripeInvalidRequestError, StripeError } = Stripe.errors;
    if (error instanceof StripeAuthenticationError || error instanceof StripePermissionError || error instanceof StripeInvalidRequestError) {
      throw new PaymentsUnavailableError(`Stripe refused the reconciliation's request: ${error.message}`);
    }
    if (error instanceof StripeError) throw new PaymentProviderUnavailableError();
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

/** Events that move money on a payment after it was made, and a late success of a payment made earlier. */
const LATE_EVENTS: Stripe.EventListParams["types"] = [
  "payment_intent.succeeded",
  "charge.refunded",
  "refund.created",
  "refund.updated",
  "refund.failed",
  "charge.refund.updated",
  "charge.dispute.created",
  "charge.dispute.updated",
  "charge.dispute.closed",
  "charge.dispute.funds_withdrawn",
  "charge.dispute.funds_reinstated",
];

/**
 * The PaymentIntents that events since `from` are about: refunds and disputes of payments made before
 * the window (disputes come months later), and payments that succeeded in it after starting earlier.
 */
export async function paymentsMovedSince(from: Date, pageSize: number): Promise<Set<string>> {
  const ids = new Set<string>();
  // Streamed page by page: a busy account has many events, and only their PaymentIntent ids are kept.
  await guarded(async () => {
    for await (const event of stripeClient().events.list({ types: LATE_EVENTS, created: { gte: Math.floor(from.getTime() / 1000) }, limit: pageSize })) {
      const object = event.data.object as { object?: string; id?: string; payment_intent?: string | { id: string } | null };
      const pi = object.object === "payment_intent" ? object.id : expandableId(object.payment_intent);
      if (pi) ids.add(pi);
    }
  });
  return ids;
}

/** One PaymentIntent by id, or null when Stripe has none (or it is not one of Billfold's). */
export function retrievePayment(paymentIntentId: string): Promise<StripePayment | null> {
  return guarded(async () => {
    try {
      return asPayment(await stripeClient().paymentIntents.retrieve(paymentIntentId, { expand: ["latest_charge"] }));
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing") return null;
      throw error;
    }
  });
}

export function refundsOf(chargeId: string): Promise<Stripe.Refund[]> {
  return guarded(() => collect(stripeClient().refunds.list({ charge: chargeId, limit: 100 })));
}

export function disputesOf(paymentIntentId: string): Promise<Stripe.Dispute[]> {
  return guarded(() => collect(stripeClient().disputes.list({ payment_intent: paymentIntentId, limit: 100 })));
}
