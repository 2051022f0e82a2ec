import type { Database } from "@/lib/kernel/db";
import { dec } from "@/lib/kernel/money";
import { drainAutoTopUps } from "@/lib/domain/payments/auto-top-up/background";
import { saveAutoTopUp } from "@/lib/domain/payments/auto-top-up/save-settings";
import { ensurePaymentCustomer } from "@/lib/domain/payments/customers";
import { stripeProvider } from "@/lib/domain/payments/stripe/stripe-provider";
import { initiateTopUp } from "@/lib/domain/payments/top-ups/initiate";
import type { CustomerScope } from "@/lib/kernel/scope";
import { callApi, type ApiResponse } from "@/test/support/api-client";
import { SEED_PRODUCTS } from "@/test/support/billing-fixtures";
import { createTestPlatform } from "@/test/support/fixtures";
import { deliverWebhook } from "@/test/support/stripe-env";
import type { StripeStub } from "@/test/support/stripe-stub/stripe-stub";

/** How many times a client (or Stripe) tries a request while faults are live; recovery retries the rest. */
const LIVE_TRIES = 4;

export interface FaultWorld {
  key: string;
  platformId: string;
  customerId: string;
  scope: CustomerScope;
  providerCustomerId: string;
  /** Every request the run must see acknowledged, replayed after recovery until it is. */
  pending: { label: string; send: () => Promise<ApiResponse> }[];
  /** Usage event ids sent; debit adjustments sent with their amounts. */
  eventIds: string[];
  debits: { id: string; amount: number }[];
  /** Checkout top-ups paid; every other paid PaymentIntent of the customer is an auto top-up. */
  checkouts: number;
  /** PaymentIntents whose payment_intent.succeeded Stripe has sent (at least tried to). */
  announced: Set<string>;
}

/**
 * A platform with the video product (USD 2.50 per video), one subscribed customer holding USD 50
 * and a saved card with auto top-up (below 40, add 25): the shapes every fault point sits on.
 */
export async function faultWorld(database: Database, stub: StripeStub): Promise<FaultWorld> {
  const platform = await createTestPlatform(database.db);
  const key = platform.testKey;
  const product = await callApi("POST", "/api/v1/products", { key, body: SEED_PRODUCTS.video });
  if (product.status !== 201) throw new Error(`product: ${product.text}`);
  const body = { name: "Faulty", subscriptions: [{ products: [{ code: SEED_PRODUCTS.video.code }] }] };
  const created = await callApi("POST", "/api/v1/customers", { key, body });
  if (created.status !== 201) throw new Error(`customer: ${created.text}`);
  const customerId = created.json.id as string;
  const scope = { ...platform.scope, customerId };
  const gift = await callApi("POST", `/api/v1/customers/${customerId}/wallet/adjustments`, {
    key,
    raw: `{"transaction_id":"gift","asset":"USD","amount":50,"reason":"gift"}`,
  });
  if (gift.status >= 300) throw new Error(`gift: ${gift.text}`);
  const customer = await ensurePaymentCustomer(database.db, scope, stripeProvider);
  const card = stub.state.addCard(customer.providerCustomerId);
  // A high threshold, so that most debits start an auto top-up and its fault points are passed often.
  await saveAutoTopUp(database.db, scope, "default:USD", { enabled: true, threshold: dec("40"), amount: dec("25"), payment_method_id: card.id, consent: true });
  return { key, platformId: platform.id, customerId, scope, providerCustomerId: customer.providerCustomerId, pending: [], eventIds: [], debits: [], checkouts: 0, announced: new Set() };
}

/**
 * Sends a request the way a retrying client does while faults fire: up to LIVE_TRIES times until it
 * gets an answer that is not a 5xx. If none came, it is kept for the retries after recovery.
 */
async function sendWithRetries(w: FaultWorld, label: string, send: () => Promise<ApiResponse>): Promise<void> {
  for (let i = 0; i < LIVE_TRIES; i++) {
    const res = await send();
    await drainAutoTopUps();
    if (res.status < 500) return;
  }
  w.pending.push({ label, send });
}

export async function sendUsage(w: FaultWorld, n: number, count: number): Promise<void> {
  const events = Array.from({ length: count }, (_, i) => ({ id: `ev-${n}-${i}`, event_type: "video_generated", data: { video_id: `v-${n}-${i}` } }));
  w.eventIds.push(...events.map((e) => e.id));
  const raw = JSON.stringify({ customer_id: w.customerId, events });
  await sendWithRetries(w, `events ${n}`, () => callApi("POST", "/api/v1/events", { key: w.key, raw }));
}

export async function sendDebit(w: FaultWorld, n: number, amount: number): Promise<void> {
  const id = `debit-${n}`;
  w.debits.push({ id, amount });
  const raw = `{"transaction_id":"${id}","asset":"USD","amount":-${amount},"reason":"adjustment"}`;
  await sendWithRetries(w, id, () => callApi("POST", `/api/v1/customers/${w.customerId}/wallet/adjustments`, { key: w.key, raw }));
}

/** A Checkout top-up the customer pays at once; Stripe then sends its two events (and retries them). */
export async function payByCheckout(database: Database, stub: StripeStub, w: FaultWorld, amount: number): Promise<void> {
  const req = { customerId: w.customerId, amount: dec(String(amount)), currency: "USD", accountName: "default", asset: "USD" };
  const { topUp } = await initiateTopUp(database.db, w.scope, req, "api");
  const paid = stub.completeCheckout(topUp.checkoutSessionId!);
  w.checkouts++;
  w.announced.add(paid.intent.id);
  for (const [type, object] of [["checkout.session.completed", paid.session], ["payment_intent.succeeded", paid.intent]] as const) {
    const payload = stub.event(type, structuredClone(object));
    await sendWithRetries(w, `${type} ${paid.intent.id}`, () => deliverWebhook(payload));
  }
}

/** After recovery: every request no one got an answer to, sent again (faults disarmed) until acknowledged. */
export async function retryPending(w: FaultWorld): Promise<string[]> {
  const failed: string[] = [];
  for (const { label, send } of w.pending.splice(0)) {
    const res = await send();
    await drainAutoTopUps();
    if (res.status >= 500) failed.push(`${label}: ${res.status} ${res.text}`);
  }
  return failed;
}

const paidIntents = (stub: StripeStub, w: FaultWorld) =>
  [...stub.state.intents.values()].filter((i) => i.customer === w.providerCustomerId && i.status === "succeeded");

/** Stripe, while faults fire: the webhook of each newly succeeded off-session charge, retried as Stripe retries. */
export async function announceNewIntents(stub: StripeStub, w: FaultWorld): Promise<void> {
  for (const intent of paidIntents(stub, w).filter((i) => !w.announced.has(i.id))) {
    w.announced.add(intent.id);
    const payload = stub.event("payment_intent.succeeded", structuredClone(intent));
    await sendWithRetries(w, `payment_intent.succeeded ${intent.id}`, () => deliverWebhook(payload));
  }
}

/** After recovery: Stripe redelivers the webhook of every succeeded PaymentIntent of the customer once more. */
export async function redeliverIntentWebhooks(stub: StripeStub, w: FaultWorld): Promise<void> {
  for (const intent of paidIntents(stub, w)) {
    const res = await deliverWebhook(stub.event("payment_intent.succeeded", structuredClone(intent)));
    if (res.status !== 200) throw new Error(`redelivery of ${intent.id}: ${res.status} ${res.text}`);
  }
}
