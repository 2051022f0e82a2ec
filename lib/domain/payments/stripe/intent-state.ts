import type Stripe from "stripe";
import { fromMinorUnits } from "@/lib/kernel/money";
import { minorDigits } from "@/lib/kernel/money/limits";
import type { PaymentError, PaymentState } from "@/lib/domain/payments/provider/types";
import { expandableId } from "./expandable-id";

const STATUS: Record<Stripe.PaymentIntent.Status, PaymentState["status"]> = {
  succeeded: "succeeded",
  processing: "processing",
  requires_action: "requires_action",
  requires_payment_method: "open",
  requires_confirmation: "open",
  requires_capture: "open",
  canceled: "canceled",
};

export function errorOf(e: { code?: string | null; decline_code?: string | null; advice_code?: string | null; message?: string | null }): PaymentError {
  return { code: e.code ?? null, declineCode: e.decline_code ?? null, adviceCode: e.advice_code ?? null, message: e.message ?? "The payment failed." };
}

/** A Stripe PaymentIntent (latest_charge expanded when available) as a provider-neutral state. */
export function stateFromIntent(pi: Stripe.PaymentIntent, thrown?: PaymentError): PaymentState {
  const charge = pi.latest_charge && typeof pi.latest_charge === "object" ? pi.latest_charge : null;
  const card = charge?.payment_method_details?.card;
  const error = thrown ?? (pi.last_payment_error ? errorOf(pi.last_payment_error) : null);
  let status = STATUS[pi.status] ?? "open";
  // A confirmed intent that fell back to requires_payment_method carries the decline that sent it there.
  if (status === "open" && pi.status === "requires_payment_method" && error) status = "failed";
  const currency = pi.currency.toUpperCase();
  return {
    provider: "stripe",
    paymentIntentId: pi.id,
    status,
    amount: fromMinorUnits(BigInt(pi.amount), minorDigits(currency)),
    currency,
    livemode: pi.livemode,
    topUpId: pi.metadata?.top_up_id ?? null,
    paymentMethodId: expandableId(pi.payment_method),
    card: card?.last4 ? { brand: card.brand ?? "card", last4: card.last4 } : null,
    receiptUrl: charge?.receipt_url ?? null,
    error,
  };
}
