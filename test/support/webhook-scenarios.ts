import type { Database } from "@/lib/kernel/db";
import { initiateTopUp } from "@/lib/domain/payments/top-ups/initiate";
import { dec } from "@/lib/kernel/money";
import { callApi } from "./api-client";
import { paymentsWorld, type PaymentsWorld } from "./payments-fixtures";
import type { StripeStub } from "@/test/support/stripe-stub/stripe-stub";

export interface Scenario {
  world: PaymentsWorld;
  /** Every event body Stripe would send, each once, in the order Stripe would send them. */
  events: string[];
  topUps: Record<string, string>;
  /** The final state every delivery schedule must reach. */
  expected: { balances: Record<string, number>; statuses: Record<string, string>; paymentCredits: number; reversals: number };
}

async function checkoutTopUp(database: Database, stub: StripeStub, w: PaymentsWorld, amount: string, asset = "USD") {
  const { topUp } = await initiateTopUp(database.db, w.platform.scope, { customerId: w.customerId, amount: dec(amount), currency: "USD", accountName: "default", asset }, "api");
  const session = stub.state.sessions.get(topUp.checkoutSessionId!);
  return { id: topUp.id, session };
}

/**
 * Seven top-ups whose events cover every path money takes: a plain payment, an asynchronous success
 * into a custom asset, an asynchronous failure, partial refunds (one of which fails), a dispute won, a
 * dispute lost, and an expired session. Stripe's side is already in its final state.
 */
export async function buildScenario(database: Database, stub: StripeStub): Promise<Scenario> {
  const w = await paymentsWorld(database);
  await callApi("POST", "/api/v1/assets", { key: w.key, raw: `{"code":"CREDIT","name":"Credits","precision":0,"rates":[{"source":"USD","rate":0.05}]}` });
  const ev = (type: string, object: unknown) => stub.event(type, structuredClone(object));
  const events: string[] = [];

  const a = await checkoutTopUp(database, stub, w, "20");
  const paidA = stub.completeCheckout(a.session.id);
  events.push(ev("checkout.session.completed", paidA.session), ev("payment_intent.succeeded", paidA.intent));

  const b = await checkoutTopUp(database, stub, w, "10", "CREDIT");
  const pendingB = stub.completeCheckout(b.session.id, { processing: true });
  events.push(ev("checkout.session.completed", pendingB.session), ev("payment_intent.processing", pendingB.intent));
  const intentB = stub.settleIntent(pendingB.intent.id, "succeeded");
  events.push(ev("checkout.session.async_payment_succeeded", pendingB.session), ev("payment_intent.succeeded", intentB));

  const c = await checkoutTopUp(database, stub, w, "15");
  const pendingC = stub.completeCheckout(c.session.id, { processing: true });
  events.push(ev("checkout.session.completed", pendingC.session), ev("payment_intent.processing", pendingC.intent));
  const intentC = stub.settleIntent(pendingC.intent.id, "failed");
  events.push(ev("checkout.session.async_payment_failed", pendingC.session), ev("payment_intent.payment_failed", intentC));

  const d = await checkoutTopUp(database, stub, w, "30");
  const paidD = stub.completeCheckout(d.session.id);
  events.push(ev("checkout.session.completed", paidD.session), ev("payment_intent.succeeded", paidD.intent));
  const charge = { id: paidD.intent.latest_charge, object: "charge", payment_intent: paidD.intent.id };
  for (const [amount, final] of [[500, "succeeded"], [700, "succeeded"], [300, "failed"]] as const) {
    const refund = stub.refund(paidD.intent.id, amount, "pending");
    events.push(ev("refund.created", refund), ev("charge.refunded", charge));
    refund.status = final;
    events.push(ev(final === "failed" ? "refund.failed" : "refund.updated", refund));
  }

  const e = await checkoutTopUp(database, stub, w, "40");
  const paidE = stub.completeCheckout(e.session.id);
  events.push(ev("payment_intent.succeeded", paidE.intent));
  const won = stub.dispute(paidE.intent.id, 4000, "needs_response");
  events.push(ev("charge.dispute.created", won));
  won.status = "won";
  events.push(ev("charge.dispute.closed", won));

  const f = await checkoutTopUp(database, stub, w, "25");
  const paidF = stub.completeCheckout(f.session.id);
  events.push(ev("checkout.session.completed", paidF.session));
  const lost = stub.dispute(paidF.intent.id, 2500, "needs_response");
  events.push(ev("charge.dispute.created", lost));
  lost.status = "lost";
  events.push(ev("charge.dispute.closed", lost));

  const g = await checkoutTopUp(database, stub, w, "8");
  g.session.status = "expired";
  events.push(ev("checkout.session.expired", g.session));

  return {
    world: w,
    events,
    topUps: { a: a.id, b: b.id, c: c.id, d: d.id, e: e.id, f: f.id, g: g.id },
    expected: {
      // 20 + (30 − 5 − 7 − 3 + 3) + (40 − 40 + 40) + (25 − 25) in USD; $10 at $0.05 buys 200 credits.
      balances: { "default:USD": 78, "default:CREDIT": 200 },
      statuses: { a: "completed", b: "completed", c: "failed", d: "completed", e: "completed", f: "completed", g: "expired" },
      paymentCredits: 5,
      // three refunds and the failed refund's restoration, two disputes and the won one's restoration
      reversals: 7,
    },
  };
}
