import { randomBytes } from "node:crypto";
import { now } from "@/lib/kernel/clock";

export const stubId = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

/** Stripe's `created`: seconds, on the app's clock so tests that move it move Stripe too. */
export const createdNow = () => Math.floor(now().getTime() / 1000);

/** What a stub card does when charged off-session. */
export type CardBehaviour = "succeed" | "decline" | "insufficient_funds" | "hard_decline" | "authenticate" | "processing";

export interface StubCard {
  id: string;
  customer: string | null;
  brand: string;
  last4: string;
  behaviour: CardBehaviour;
}

export class StubError extends Error {
  constructor(readonly status: number, readonly body: Record<string, unknown>) {
    super(String(body.message ?? "stub error"));
  }
}

export function invalidRequest(message: string, code = "resource_missing"): StubError {
  return new StubError(404, { type: "invalid_request_error", code, message });
}

/** In-memory Stripe objects, shaped like the API's JSON. */
export class StubState {
  customers = new Map<string, any>();
  sessions = new Map<string, any>();
  intents = new Map<string, any>();
  charges = new Map<string, any>();
  cards = new Map<string, StubCard>();
  refunds = new Map<string, any>();
  setupIntents = new Map<string, any>();
  disputes = new Map<string, any>();
  /** Every event Stripe sent (or would have), as its events API lists them. */
  events = new Map<string, any>();

  paymentMethodJson(card: StubCard) {
    return {
      id: card.id, object: "payment_method", type: "card", customer: card.customer,
      card: { brand: card.brand, last4: card.last4, exp_month: 12, exp_year: 2034 },
    };
  }

  addCard(customer: string | null, behaviour: CardBehaviour = "succeed", last4 = "4242", brand = "visa"): StubCard {
    const card = { id: stubId("pm"), customer, brand, last4, behaviour };
    this.cards.set(card.id, card);
    return card;
  }

  /** A charge for a PaymentIntent, with its receipt URL and card details. */
  charge(pi: any, card: StubCard | undefined): any {
    const charge = {
      id: stubId("ch"), object: "charge", amount: pi.amount, currency: pi.currency, payment_intent: pi.id,
      receipt_url: `https://pay.stripe.test/receipts/${pi.id}`, refunded: false, amount_refunded: 0, disputed: false,
      payment_method_details: card ? { type: "card", card: { brand: card.brand, last4: card.last4 } } : null,
    };
    this.charges.set(charge.id, charge);
    pi.latest_charge = charge.id;
    pi.amount_received = pi.amount;
    return charge;
  }

  /** A charge as Stripe shows it: refunds that have not failed count as refunded. */
  chargeJson(id: string) {
    const charge = this.charges.get(id);
    if (!charge) return undefined;
    const refunded = [...this.refunds.values()].filter((r) => r.charge === id && r.status !== "failed" && r.status !== "canceled");
    const amountRefunded = refunded.reduce((sum, r) => sum + r.amount, 0);
    return { ...charge, amount_refunded: amountRefunded, refunded: amountRefunded >= charge.amount };
  }

  intentJson(pi: any, expandCharge: boolean) {
    if (!expandCharge || !pi.latest_charge) return pi;
    return { ...pi, latest_charge: this.chargeJson(pi.latest_charge) ?? pi.latest_charge };
  }
}
