import { beforeEach, describe, expect, it } from "vitest";
import { findLedgerViolations } from "@/lib/domain/ledger";
import { callApi } from "@/test/support/api-client";
import { balanceViews } from "@/lib/workflows/wallet/balance-views";
import { testDatabases } from "@/test/support/databases";
import { adjust, balanceOf, paymentsWorld, type PaymentsWorld } from "@/test/support/payments-fixtures";
import { rowCounts } from "@/test/support/row-counts";
import { deliverWebhook, TEST_STRIPE_KEY, useStripeStub, useTestProvider } from "@/test/support/stripe-env";
import { stripeSuite } from "@/test/support/stripe-suite";

const RETURN = "https://app.example.com/billing/done";
const FAILURE = "https://app.example.com/billing/failed";

describe.each(testDatabases())("POST /top-ups with Stripe on $name", (target) => {
  const suite = stripeSuite(target);
  const stub = suite.stub;
  let w: PaymentsWorld;
  beforeEach(async () => {
    w = await paymentsWorld(suite.database);
  });


  const topUp = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    callApi("POST", "/api/v1/top-ups", { key: w.key, body: { customer_id: w.customerId, currency: "USD", ...body }, headers });

  it("opens a Checkout Session with the exact amount, currency and metadata, reached through a portal sign-in", async () => {
    const res = await callApi("POST", "/api/v1/top-ups", {
      key: w.key,
      raw: `{"customer_id":"${w.customerId}","amount":20.5,"currency":"USD","description":"Credits","return_url":"${RETURN}","failure_url":"${FAILURE}","metadata":{"order_id":"o-1"}}`,
    });
    expect(res.status, res.text).toBe(201);
    expect(Object.keys(res.json).sort()).toEqual(["created_at", "expires_at", "id", "redirect_url", "status"]);
    expect(res.json).toMatchObject({ status: "initiated" });
    expect(res.json.id).toMatch(/^top_[0-9a-z]{26}$/);
    expect(res.json.redirect_url).toMatch(/^http:\/\/portal\.test\/api\/sign-in\?token=/);
    expect(new Date(res.json.expires_at).getTime() - new Date(res.json.created_at).getTime()).toBe(3_600_000);

    const [customer] = stub.calls("POST", "/v1/customers");
    expect(customer!.idempotencyKey).toBe(`customer:${w.platform.id}:false:${w.customerId}`);
    expect(customer!.authorization).toBe(`Bearer ${TEST_STRIPE_KEY}`);
    const [session] = stub.calls("POST", "/v1/checkout/sessions").slice(-1);
    expect(session!.idempotencyKey).toBe(`checkout:${res.json.id}`);
    const metadata = { top_up_id: res.json.id, platform_id: w.platform.id, customer_id: w.customerId, live_mode: "false", origin: "api" };
    expect(session!.body).toMatchObject({
      mode: "payment",
      customer: expect.stringMatching(/^cus_/),
      client_reference_id: res.json.id,
      line_items: [{ quantity: "1", price_data: { currency: "usd", unit_amount: "2050", product_data: { name: "Top-up: $20.50" } } }],
      payment_intent_data: { description: "Credits", metadata },
      saved_payment_method_options: { payment_method_save: "enabled" },
      metadata,
      success_url: RETURN,
      cancel_url: `http://portal.test/top-up/${res.json.id}?cancelled=1`,
      expires_at: String(Math.floor(new Date(res.json.expires_at).getTime() / 1000)),
    });

    const signIn = await callApi("GET", `/api/sign-in?token=${new URL(res.json.redirect_url).searchParams.get("token")}`);
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get("location")).toBe(`/top-up/checkout/${res.json.id}`);

    const got = await callApi("GET", `/api/v1/top-ups/${res.json.id}`, { key: w.key });
    expect(got.json).toMatchObject({
      id: res.json.id, customer_id: w.customerId, status: "initiated", amount: 20.5, currency: "USD", description: "Credits",
      destination: { account_name: "default", asset: "USD", exchange_rate: 1 }, credited_amount: 20.5, metadata: { order_id: "o-1" },
      origin: "api", completed_at: null,
    });
  });

  it("converts a custom asset at the rate in force, or the platform's override, and credits from the webhook", async () => {
    await callApi("POST", "/api/v1/assets", { key: w.key, raw: `{"code":"CREDIT","name":"Credits","precision":0,"label":"credits","rates":[{"source":"USD","rate":0.05}]}` });
    const byRate = await topUp({ amount: 20, destination: { asset: "CREDIT" } });
    expect(byRate.status, byRate.text).toBe(201);
    const override = await callApi("POST", "/api/v1/top-ups", { key: w.key, raw: `{"customer_id":"${w.customerId}","amount":20,"currency":"USD","destination":{"asset":"CREDIT","exchange_rate":25}}` });
    expect((await callApi("GET", `/api/v1/top-ups/${byRate.json.id}`, { key: w.key })).json).toMatchObject({ credited_amount: 400, destination: { exchange_rate: 20 } });
    expect((await callApi("GET", `/api/v1/top-ups/${override.json.id}`, { key: w.key })).json).toMatchObject({ credited_amount: 500, destination: { exchange_rate: 25 } });

    await adjust(w, "CREDIT", "1");
    expect((await balanceOf(w, "default:CREDIT")).json).toMatchObject({ available: 1, pending_in: 900 });
    expect((await topUp({ amount: 7.25 })).status).toBe(201);
    await adjust(w, "USD", "2");
    // The portal's cards show only payments the bank is confirming: a checkout not yet paid is no money in flight.
    const portalPending = async () => Object.fromEntries((await balanceViews(suite.database.db, w.scope)).map((b) => [b.accountId, b.pendingIn]));
    expect(await portalPending()).toEqual({ "default:USD": "0", "default:CREDIT": "0" });
    const session = [...stub.state.sessions.values()].find((s) => s.metadata.top_up_id === byRate.json.id);
    const { intent } = stub.completeCheckout(session.id, { last4: "1881" });
    const delivered = await deliverWebhook(stub.event("checkout.session.completed", session));
    expect(delivered.status, delivered.text).toBe(200);
    expect(delivered.json.outcome).toBe("credited");
    expect((await balanceOf(w, "default:CREDIT")).json).toMatchObject({ available: 401, pending_in: 500 });
    expect(await portalPending()).toEqual({ "default:USD": "0", "default:CREDIT": "0" });
    const done = await callApi("GET", `/api/v1/top-ups/${byRate.json.id}`, { key: w.key });
    expect(done.json).toMatchObject({ status: "completed", payment_method: { brand: "visa", last4: "1881" }, receipt_url: `https://pay.stripe.test/receipts/${intent.id}` });
    const txns = await callApi("GET", `/api/v1/customers/${w.customerId}/wallet/default:CREDIT/transactions`, { key: w.key });
    expect(txns.json.items[0]).toMatchObject({ amount: 400, balance_after: 401, category: "top_up", reference: { type: "top_up", id: byRate.json.id } });
    expect(await findLedgerViolations(suite.database.db, w.platform.id)).toEqual([]);
  });

  it("takes back, on refunds and disputes, the units the money bought at the recorded rate, never more", async () => {
    await callApi("POST", "/api/v1/assets", { key: w.key, raw: `{"code":"CREDIT","name":"Credits","precision":0,"rates":[{"source":"USD","rate":0.05}]}` });
    const res = await topUp({ amount: 10, destination: { asset: "CREDIT" } });
    await callApi("POST", "/api/v1/assets/CREDIT/rates", { key: w.key, body: { source: "USD", rate: 0.5 } });
    const session = [...stub.state.sessions.values()].find((s) => s.metadata.top_up_id === res.json.id);
    const { intent } = stub.completeCheckout(session.id);
    const charge = { id: intent.latest_charge, object: "charge", payment_intent: intent.id };
    stub.refund(intent.id, 333);
    expect((await deliverWebhook(stub.event("charge.refunded", charge))).json.outcome).toBe("refunded");
    expect((await balanceOf(w, "default:CREDIT")).json.available).toBe(134);
    stub.refund(intent.id, 667);
    expect((await deliverWebhook(stub.event("charge.refunded", charge))).json.outcome).toBe("refunded");
    expect((await balanceOf(w, "default:CREDIT")).json.available).toBe(1);
    const dispute = stub.dispute(intent.id, 1000, "needs_response");
    expect((await deliverWebhook(stub.event("charge.dispute.created", dispute))).json.outcome).toBe("disputed");
    expect((await deliverWebhook(stub.event("charge.dispute.closed", { ...dispute, status: "won" }))).json.outcome).toBe("dispute_won");
    expect((await balanceOf(w, "default:CREDIT")).json.available).toBe(1);
    const txns = await callApi("GET", `/api/v1/customers/${w.customerId}/wallet/default:CREDIT/transactions`, { key: w.key });
    expect(txns.json.items.map((t: { category: string; amount: number }) => [t.category, t.amount])).toEqual([
      ["dispute", 200], ["dispute", -200], ["refund", -133], ["refund", -66], ["top_up", 200],
    ]);
    expect(await findLedgerViolations(suite.database.db, w.platform.id)).toEqual([]);
  });

  it("replays the same Idempotency-Key and refuses it with a different body", async () => {
    const first = await topUp({ amount: 10 }, { "idempotency-key": "order-42" });
    const again = await topUp({ amount: 10 }, { "idempotency-key": "order-42" });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json.id).toBe(first.json.id);
    const other = await topUp({ amount: 11 }, { "idempotency-key": "order-42" });
    expect(other.status).toBe(422);
    expect(other.json.errors["Idempotency-Key"]).toBeDefined();
    const list = await callApi("GET", `/api/v1/top-ups?customer_id=${w.customerId}`, { key: w.key });
    expect(list.json).toMatchObject({ total_count: 1, limit: 20, offset: 0 });
  });

  it("refuses bad requests with a clear 4xx and writes nothing", async () => {
    const foreign = await paymentsWorld(suite.database, "Other");
    await callApi("POST", "/api/v1/assets", { key: w.key, body: { code: "NORATE", name: "No rate", precision: 0 } });
    const cases: [Record<string, unknown>, number, string][] = [
      [{ amount: 10, customer_id: foreign.customerId }, 404, ""],
      [{ amount: 10.001 }, 422, "amount"],
      [{ amount: 0.3 }, 422, "amount"],
      [{ amount: 1_000_000 }, 422, "amount"],
      [{ amount: 10, currency: "usd" }, 422, "currency"],
      [{ amount: 10, currency: "XYZ" }, 422, "currency"],
      [{ amount: 10, destination: { asset: "NOPE" } }, 422, "destination.asset"],
      [{ amount: 10, destination: { asset: "EUR" } }, 422, "destination.asset"],
      [{ amount: 10, destination: { asset: "USD", exchange_rate: 2 } }, 422, "destination.exchange_rate"],
      [{ amount: 10, destination: { asset: "NORATE" } }, 422, "destination.asset"],
      [{ amount: 10, credit_expires_at: "2001-01-01T00:00:00Z" }, 422, "credit_expires_at"],
      [{ amount: 10, return_url: "javascript:alert(1)" }, 422, "return_url"],
      [{ amount: 10, failure_url: "//evil.example" }, 422, "failure_url"],
      [{ amount: 10, surprise: true }, 422, "surprise"],
    ];
    const counted = [w.platform.id, foreign.platform.id];
    const before = await rowCounts(suite.database.db, counted);
    const calls = stub.requests.length;
    for (const [body, status, field] of cases) {
      const res = await topUp(body);
      expect(res.status, `${JSON.stringify(body)} → ${res.text}`).toBe(status);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      if (field) expect(Object.keys(res.json.errors)).toContain(field);
    }
    expect(await rowCounts(suite.database.db, counted)).toEqual(before);
    expect(stub.requests.length).toBe(calls);
    expect((await callApi("GET", "/api/v1/top-ups/top_00000000000000000000000000", { key: w.key })).status).toBe(404);
    const mine = await topUp({ amount: 10 });
    expect((await callApi("GET", `/api/v1/top-ups/${mine.json.id}`, { key: foreign.key })).status).toBe(404);
  });

  it("answers 503 and keeps nothing when Stripe is down, so the platform can simply retry", async () => {
    await topUp({ amount: 5 });
    stub.failNext = 3;
    const before = await rowCounts(suite.database.db, [w.platform.id]);
    const res = await topUp({ amount: 10 });
    expect(res.status, res.text).toBe(503);
    expect(await rowCounts(suite.database.db, [w.platform.id])).toEqual(before);
  });

  it("never lets live mode pay with a test key, or without Stripe at all", async () => {
    const live = await callApi("POST", "/api/v1/customers", { key: w.platform.liveKey, body: { name: "Live" } });
    const res = await callApi("POST", "/api/v1/top-ups", { key: w.platform.liveKey, body: { customer_id: live.json.id, amount: 10, currency: "USD" } });
    expect(res.status).toBe(422);
    expect(res.json.errors.payments[0]).toContain("live Stripe key");
    useTestProvider();
    try {
      const none = await callApi("POST", "/api/v1/top-ups", { key: w.platform.liveKey, body: { customer_id: live.json.id, amount: 10, currency: "USD" } });
      expect(none.status).toBe(422);
      expect(none.json.errors.payments[0]).toContain("test provider never takes live payments");
    } finally {
      useStripeStub(stub);
    }
  });
});
