import type { Db } from "@/lib/kernel/db";
import { applyPaymentState } from "@/lib/domain/payments/fulfilment/apply-payment-state";
import { handleCheckoutSession } from "./checkout-events";
import { intentRefSchema, type StripeEventLite } from "./event-schemas";
import { handleChargeRefunded, handleDispute, handleRefund } from "./money-back-events";
import { retrieveIntentState } from "@/lib/domain/payments/stripe/stripe-provider";

async function handlePaymentIntent(db: Db, object: unknown): Promise<string> {
  const parsed = intentRefSchema.safeParse(object);
  if (!parsed.success) return "malformed";
  const state = await retrieveIntentState(parsed.data.id);
  return state ? applyPaymentState(db, state) : "unknown_payment";
}

type Handler = (db: Db, object: unknown) => Promise<string>;

const HANDLERS: Record<string, Handler> = {
  "checkout.session.completed": handleCheckoutSession,
  "checkout.session.async_payment_succeeded": handleCheckoutSession,
  "checkout.session.async_payment_failed": handleCheckoutSession,
  "checkout.session.expired": handleCheckoutSession,
  "payment_intent.succeeded": handlePaymentIntent,
  "payment_intent.processing": handlePaymentIntent,
  "payment_intent.payment_failed": handlePaymentIntent,
  "payment_intent.canceled": handlePaymentIntent,
  "payment_intent.requires_action": handlePaymentIntent,
  "charge.refunded": handleChargeRefunded,
  "refund.created": handleRefund,
  "refund.updated": handleRefund,
  "refund.failed": handleRefund,
  "charge.refund.updated": handleRefund,
  "charge.dispute.created": handleDispute,
  "charge.dispute.updated": handleDispute,
  "charge.dispute.closed": handleDispute,
  "charge.dispute.funds_withdrawn": handleDispute,
  "charge.dispute.funds_reinstated": handleDispute,
};

export function handlesEventType(type: string): boolean {
  return Object.hasOwn(HANDLERS, type);
}

/** Applies one verified event; returns a short outcome for the event log. */
export async function processStripeEvent(db: Db, event: StripeEventLite): Promise<string> {
  const handler = HANDLERS[event.type];
  return handler ? handler(db, event.data.object) : "ignored";
}
