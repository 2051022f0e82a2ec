import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { advanceClock, freezeClock, now } from "@/lib/kernel/clock";
import { rowsOf } from "@/lib/kernel/db/rows";
import { armFault, FaultInjected } from "@/lib/kernel/faults";
import { callApi } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { runPaymentJobsFor } from "@/test/support/payment-jobs";
import { paymentsWorld, type PaymentsWorld } from "@/test/support/payments-fixtures";
import { testProviderSuite } from "@/test/support/stripe-suite";
import { renewSubscription } from "./renewal-job";

const DAY = 86_400_000;
const START = new Date("2026-01-31T10:00:00.000Z");

describe.each(testDatabases())("fixed-price subscription lifecycle on $name", (target) => {
  const suite = testProviderSuite(target);

  async function subscribed(): Promise<{ w: PaymentsWorld; sub: { id: string; redirect: string }; hook: string }> {
    freezeClock(START);
    const w = await paymentsWorld(suite.database);
    const api = (method: string, path: string, body?: unknown) => callApi(method, `/api/v1${path}`, { key: w.key, body });
    const hook = await api("POST", "/webhooks", { url: "https://example.com/hooks", topics: ["subscription.*", "top_up.*"] });
    const product = await api("POST", "/products", {
      name: "Pro Plan", code: "pro_monthly", publish: true,
      prices: [{ name: "Monthly fee", type: "fixed", billing_model: { type: "recurring", recurring: { interval: "month" } }, pricing: [{ asset: "USD", values: [{ unit_price: 20 }] }] }],
    });
    expect(product.status, product.text).toBe(201);
    const res = await api("POST", `/customers/${w.customerId}/subscriptions`, {
      products: [{ code: "pro_monthly" }], return_url: "https://app.example.com/ok", failure_url: "https://app.example.com/no",
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ status: "pending", current_period_start: null, required_actions: [{ type: "payment", redirect_url: expect.stringMatching(/\/test-checkout\/cs_test_/) }] });
    return { w, sub: { id: res.json.id, redirect: res.json.required_actions[0].redirect_url }, hook: hook.json.id };
  }

  const pay = (url: string, card = "4242 4242 4242 4242") =>
    callApi("POST", `/api/test-checkout/${url.split("/").pop()}`, { body: { card_number: card, expiry: "12 / 34", cvc: "123" }, headers: { origin: "http://portal.test" } });
  const view = async (w: PaymentsWorld, id: string) =>
    (await callApi("GET", `/api/v1/customers/${w.customerId}/subscriptions`, { key: w.key })).json.items.find((s: { id: string }) => s.id === id);
  const events = async (hook: string, w: PaymentsWorld) =>
    (await callApi("GET", `/api/v1/webhooks/${hook}/deliveries?limit=100`, { key: w.key })).json.items.map((d: { type: string }) => d.type).reverse();
  const charges = async (w: PaymentsWorld) =>
    rowsOf<{ status: string; amount: string; period_start: Date | null }>(
      await suite.database.db.execute(sql`SELECT status, (amount::numeric(20,2))::text AS amount, period_start FROM top_ups WHERE customer_id = ${w.customerId} ORDER BY created_at, id`),
    );
  const intents = async (w: PaymentsWorld) =>
    rowsOf<{ n: string }>(await suite.database.db.execute(sql`SELECT count(*)::text AS n FROM test_payment_intents WHERE metadata->>'customer_id' = ${w.customerId}`))[0]!.n;
  /** The saved card starts declining off-session charges, as a card that was cancelled by its bank would. */
  const cardStartsDeclining = (w: PaymentsWorld) =>
    suite.database.db.execute(sql`UPDATE test_payment_methods SET behaviour = 'declined' WHERE provider_customer_id IN (SELECT provider_customer_id FROM payment_customers WHERE customer_id = ${w.customerId})`);

  it("stays pending until Checkout is paid, then is active for a month with the charge recorded and announced", async () => {
    const { w, sub, hook } = await subscribed();
    expect(await events(hook, w)).toEqual([]);
    const wallet = await callApi("GET", `/api/v1/customers/${w.customerId}/wallet/default:USD`, { key: w.key });
    expect(wallet.json).toMatchObject({ available: 0, pending_in: 0 });
    const paid = await pay(sub.redirect);
    expect(paid.json).toEqual({ kind: "redirect", url: "https://app.example.com/ok" });
    await pay(sub.redirect);
    expect(await view(w, sub.id)).toMatchObject({
      status: "active", current_period_start: START.toISOString(), current_period_end: "2026-02-28T10:00:00.000Z", required_actions: [],
    });
    expect(await charges(w)).toEqual([{ status: "completed", amount: "20.00", period_start: null }]);
    expect((await callApi("GET", `/api/v1/customers/${w.customerId}/wallet/default:USD`, { key: w.key })).json.available).toBe(0);
    expect((await callApi("GET", `/api/v1/top-ups?customer_id=${w.customerId}`, { key: w.key })).json.items).toEqual([]);
    expect(await events(hook, w)).toEqual(["subscription.activated"]);
  });

  it("renews at period end off-session and starts the next period where the last one ended", async () => {
    const { w, sub } = await subscribed();
    await pay(sub.redirect);
    advanceClock(27 * DAY);
    expect(await runPaymentJobsFor(suite.database.db, w.customerId)).toBe(0);
    advanceClock(2 * DAY);
    await runPaymentJobsFor(suite.database.db, w.customerId);
    expect(await view(w, sub.id)).toMatchObject({ status: "active", current_period_start: "2026-02-28T10:00:00.000Z", current_period_end: "2026-03-28T10:00:00.000Z" });
    expect((await charges(w)).map((c) => [c.status, c.period_start && new Date(c.period_start).toISOString()])).toEqual([
      ["completed", null],
      ["completed", "2026-02-28T10:00:00.000Z"],
    ]);
    expect(await intents(w)).toBe("2");
  });

  it("a declined renewal goes past_due, is retried after 1, 3 and 5 days, then the subscription is canceled", async () => {
    const { w, sub, hook } = await subscribed();
    await pay(sub.redirect);
    await cardStartsDeclining(w);
    freezeClock(new Date("2026-02-28T10:00:00.000Z"));
    await runPaymentJobsFor(suite.database.db, w.customerId);
    expect(await view(w, sub.id)).toMatchObject({ status: "past_due", current_period_end: "2026-02-28T10:00:00.000Z" });
    for (const day of [1, 3]) {
      freezeClock(new Date(Date.parse("2026-02-28T10:00:00.000Z") + day * DAY - 1));
      await runPaymentJobsFor(suite.database.db, w.customerId);
      expect((await charges(w)).filter((c) => c.status === "failed")).toHaveLength(day === 1 ? 1 : 2);
      freezeClock(new Date(Date.parse("2026-02-28T10:00:00.000Z") + day * DAY));
      await runPaymentJobsFor(suite.database.db, w.customerId);
      expect((await view(w, sub.id)).status).toBe("past_due");
    }
    freezeClock(new Date(Date.parse("2026-02-28T10:00:00.000Z") + 5 * DAY));
    await runPaymentJobsFor(suite.database.db, w.customerId);
    expect(await view(w, sub.id)).toMatchObject({ status: "canceled", canceled_at: expect.any(String) });
    expect((await charges(w)).map((c) => c.status)).toEqual(["completed", "failed", "failed", "failed", "failed"]);
    expect(await events(hook, w)).toEqual(["subscription.activated", "subscription.past_due", "subscription.canceled"]);
    advanceClock(40 * DAY);
    await runPaymentJobsFor(suite.database.db, w.customerId);
    expect(await charges(w)).toHaveLength(5);
  });

  it("a past_due subscription whose retry is paid is active again", async () => {
    const { w, sub, hook } = await subscribed();
    await pay(sub.redirect);
    await cardStartsDeclining(w);
    freezeClock(new Date("2026-02-28T10:00:00.000Z"));
    await runPaymentJobsFor(suite.database.db, w.customerId);
    await suite.database.db.execute(sql`UPDATE test_payment_methods SET behaviour = 'succeeds' WHERE provider_customer_id IN (SELECT provider_customer_id FROM payment_customers WHERE customer_id = ${w.customerId})`);
    advanceClock(DAY);
    await runPaymentJobsFor(suite.database.db, w.customerId);
    expect(await view(w, sub.id)).toMatchObject({ status: "active", current_period_start: "2026-02-28T10:00:00.000Z", current_period_end: "2026-03-28T10:00:00.000Z" });
    expect(await events(hook, w)).toEqual(["subscription.activated", "subscription.past_due", "subscription.activated"]);
  });

  it("bills usage only once the plan is paid (pending is not a billing status)", async () => {
    freezeClock(START);
    const w = await paymentsWorld(suite.database);
    const api = (method: string, path: string, body?: unknown) => callApi(method, `/api/v1${path}`, { key: w.key, body });
    await api("POST", "/products", {
      name: "Video Pro", code: "video_pro", publish: true,
      prices: [
        { name: "Monthly fee", type: "fixed", billing_model: { type: "recurring", recurring: { interval: "month" } }, pricing: [{ asset: "USD", values: [{ unit_price: 20 }] }] },
        { name: "Videos", type: "usage_based", billing_model: { type: "real_time" }, usage_calculation: { event_type: "video_generated", usage_type: "unit" }, pricing: [{ asset: "USD", values: [{ unit_price: 2.5 }] }] },
      ],
    });
    const sub = await api("POST", `/customers/${w.customerId}/subscriptions`, { products: [{ code: "video_pro" }], return_url: "https://a.example/ok", failure_url: "https://a.example/no" });
    const send = (id: string) => api("POST", "/events", { customer_id: w.customerId, events: [{ id, event_type: "video_generated", occurred_at: now().toISOString(), subject: "s", data: {} }] });
    await send("while-pending");
    expect((await api("GET", `/customers/${w.customerId}/wallet/default:USD`)).json.available).toBe(0);
    await pay(sub.json.required_actions[0].redirect_url);
    await send("once-active");
    expect((await api("GET", `/customers/${w.customerId}/wallet/default:USD`)).json.available).toBe(-2.5);
  });

  it("a crash between the renewal charge and its commit is resumed with the same key and never charges twice", async () => {
    const { w, sub } = await subscribed();
    await pay(sub.redirect);
    freezeClock(new Date("2026-02-28T10:00:00.000Z"));
    armFault("after-stripe-call-before-commit");
    await expect(renewSubscription(suite.database.db, sub.id)).rejects.toBeInstanceOf(FaultInjected);
    expect(await intents(w)).toBe("2");
    expect((await view(w, sub.id)).current_period_end).toBe("2026-02-28T10:00:00.000Z");
    expect((await renewSubscription(suite.database.db, sub.id)).kind).toBe("none");
    advanceClock(2 * 60_000);
    await runPaymentJobsFor(suite.database.db, w.customerId);
    expect(await intents(w)).toBe("2");
    expect((await view(w, sub.id)).current_period_end).toBe("2026-03-28T10:00:00.000Z");
    expect((await charges(w)).map((c) => c.status)).toEqual(["completed", "completed"]);
    expect(now().getTime()).toBeGreaterThan(START.getTime());
  });
});
