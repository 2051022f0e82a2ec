import { describe, expect, it } from "vitest";
import { freezeClock } from "@/lib/kernel/clock";
import { callApi } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { runPaymentJobsFor } from "@/test/support/payment-jobs";
import { paymentsWorld, portalSession, type PaymentsWorld } from "@/test/support/payments-fixtures";
import { testProviderSuite } from "@/test/support/stripe-suite";
import "./renewal-job";

const monthly = (name: string, code: string, usd: number) => ({
  name, code, publish: true,
  prices: [{ name: `${name} fee`, type: "fixed", billing_model: { type: "recurring", recurring: { interval: "month" } }, pricing: [{ asset: "USD", values: [{ unit_price: usd }] }] }],
});

describe.each(testDatabases())("the portal's Plan and Orders on $name", (target) => {
  const suite = testProviderSuite(target);

  async function activePlan() {
    freezeClock(new Date("2026-03-10T12:00:00.000Z"));
    const w = await paymentsWorld(suite.database);
    const api = (method: string, path: string, body?: unknown) => callApi(method, `/api/v1${path}`, { key: w.key, body });
    await api("POST", "/products", monthly("Basic", "basic", 10));
    await api("POST", "/products", monthly("Team", "team", 50));
    const sub = await api("POST", `/customers/${w.customerId}/subscriptions`, { products: [{ code: "basic" }], return_url: "https://a.example/ok", failure_url: "https://a.example/no" });
    const paid = await callApi("POST", `/api/test-checkout/${sub.json.required_actions[0].redirect_url.split("/").pop()}`, {
      body: { card_number: "4242424242424242", expiry: "12 / 34", cvc: "123" }, headers: { origin: "http://portal.test" },
    });
    expect(paid.json.kind).toBe("redirect");
    return { w, api, portal: await portalSession(suite.database, w), subscriptionId: sub.json.id as string };
  }
  const subOf = async (w: PaymentsWorld) => (await callApi("GET", `/api/v1/customers/${w.customerId}/subscriptions`, { key: w.key })).json.items[0];

  it("shows the current plan and the published plans, cheapest first", async () => {
    const { portal, subscriptionId } = await activePlan();
    const res = await portal("GET", "/api/portal/plan");
    expect(res.json).toEqual({
      current: {
        subscriptionId, status: "active", code: "basic", name: "Basic", amount: "10", currency: expect.objectContaining({ code: "USD" }),
        interval: "month", intervalCount: 1, currentPeriodEnd: "2026-04-10T12:00:00.000Z", cancelAtPeriodEnd: false, scheduledCode: null, scheduledName: null, firstChargeId: null, includedCredits: null,
      },
      plans: [expect.objectContaining({ code: "basic", amount: "10" }), expect.objectContaining({ code: "team", amount: "50" })],
    });
  });

  it("cancels at period end, can undo it, and the renewal job cancels instead of charging", async () => {
    const { w, portal, subscriptionId } = await activePlan();
    const first = await portal("POST", `/api/portal/subscriptions/${subscriptionId}/cancel`, { body: { cancel: true } });
    expect(first.json?.current?.cancelAtPeriodEnd, first.text).toBe(true);
    expect((await portal("POST", `/api/portal/subscriptions/${subscriptionId}/cancel`, { body: { cancel: false } })).json.current.cancelAtPeriodEnd).toBe(false);
    await portal("POST", `/api/portal/subscriptions/${subscriptionId}/cancel`, { body: { cancel: true } });
    freezeClock(new Date("2026-04-10T12:00:00.000Z"));
    await runPaymentJobsFor(suite.database.db, w.customerId);
    expect(await subOf(w)).toMatchObject({ status: "canceled", canceled_at: "2026-04-10T12:00:00.000Z" });
    // A month later the old portal session has ended: sign in again.
    const later = await portalSession(suite.database, w);
    expect((await later("GET", "/api/portal/orders")).json.items).toHaveLength(1);
    expect((await later("POST", `/api/portal/subscriptions/${subscriptionId}/cancel`, { body: { cancel: false } })).status).toBe(422);
  });

  it("switches plan at the next renewal and charges the new price then", async () => {
    const { w, portal, subscriptionId } = await activePlan();
    const switched = await portal("POST", `/api/portal/subscriptions/${subscriptionId}/switch`, { body: { code: "team" } });
    expect(switched.json.current).toMatchObject({ code: "basic", scheduledCode: "team" });
    expect((await portal("POST", `/api/portal/subscriptions/${subscriptionId}/switch`, { body: { code: "nope" } })).status).toBe(422);
    freezeClock(new Date("2026-04-10T12:00:00.000Z"));
    await runPaymentJobsFor(suite.database.db, w.customerId);
    expect(await subOf(w)).toMatchObject({ status: "active", products: [expect.objectContaining({ code: "team" })], current_period_end: "2026-05-10T12:00:00.000Z" });
    const orders = (await (await portalSession(suite.database, w))("GET", "/api/portal/orders")).json.items;
    expect(orders.map((o: { origin: string; amount: string; status: string; description: string }) => [o.origin, o.amount, o.status, o.description])).toEqual([
      ["subscription", "50", "completed", "Team"],
      ["subscription", "10", "completed", "Basic"],
    ]);
  });

  it("never reaches another customer's subscription", async () => {
    const { subscriptionId } = await activePlan();
    const other = await paymentsWorld(suite.database, "Eve");
    const eve = await portalSession(suite.database, other);
    expect((await eve("POST", `/api/portal/subscriptions/${subscriptionId}/cancel`, { body: { cancel: true } })).status).toBe(404);
    expect((await eve("POST", "/api/portal/subscriptions/nope/cancel", { body: { cancel: true } })).status).toBe(404);
    expect((await eve("GET", "/api/portal/plan")).json.current).toBeNull();
    expect((await eve("POST", `/api/portal/subscriptions/${subscriptionId}/cancel`, { body: { cancel: "yes" } })).status).toBe(422);
  });
});
