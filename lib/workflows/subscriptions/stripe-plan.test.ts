import { describe, expect, it } from "vitest";
import { freezeClock } from "@/lib/kernel/clock";
import { findLedgerViolations } from "@/lib/domain/ledger";
import { callApi } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { runPaymentJobsFor } from "@/test/support/payment-jobs";
import { paymentsWorld } from "@/test/support/payments-fixtures";
import { deliverWebhook } from "@/test/support/stripe-env";
import { stripeSuite } from "@/test/support/stripe-suite";
import "./renewal-job";

describe.each(testDatabases())("a fixed-price plan paid through Stripe on $name", (target) => {
  const suite = stripeSuite(target);
  const stub = suite.stub;

  it("activates from the Checkout webhook (once), saves the card off-session, and renews off-session at period end", async () => {
    freezeClock(new Date("2026-05-15T08:00:00.000Z"));
    const w = await paymentsWorld(suite.database);
    const api = (method: string, path: string, body?: unknown) => callApi(method, `/api/v1${path}`, { key: w.key, body });
    await api("POST", "/products", {
      name: "Pro", code: "pro", publish: true,
      prices: [{ name: "Fee", type: "fixed", billing_model: { type: "recurring", recurring: { interval: "month" } }, pricing: [{ asset: "USD", values: [{ unit_price: 20 }] }] }],
    });
    const sub = await api("POST", `/customers/${w.customerId}/subscriptions`, { products: [{ code: "pro" }], return_url: "https://a.example/ok", failure_url: "https://a.example/no" });
    expect(sub.json.status).toBe("pending");
    const session = [...stub.state.sessions.values()].find((s) => s.metadata.customer_id === w.customerId);
    expect(sub.json.required_actions).toEqual([{ type: "payment", redirect_url: session.url }]);
    expect(session).toMatchObject({ amount_total: 2000, currency: "usd", success_url: "https://a.example/ok", cancel_url: "https://a.example/no" });
    expect(session.payment_intent_data.setup_future_usage).toBe("off_session");
    stub.completeCheckout(session.id);
    for (let i = 0; i < 2; i++) expect((await deliverWebhook(stub.event("checkout.session.completed", session))).status).toBe(200);
    const activated = (await api("GET", `/customers/${w.customerId}/subscriptions`)).json.items[0];
    expect(activated).toMatchObject({ status: "active", current_period_end: "2026-06-15T08:00:00.000Z" });
    expect((await api("GET", `/customers/${w.customerId}/wallet/default:USD`)).json.available).toBe(0);

    freezeClock(new Date("2026-06-15T08:00:00.000Z"));
    await runPaymentJobsFor(suite.database.db, w.customerId);
    const charges = stub.calls("POST", "/v1/payment_intents");
    expect(charges).toHaveLength(1);
    const renewal = [...stub.state.intents.values()].filter((i) => i.customer === session.customer).at(-1);
    expect(renewal).toMatchObject({ amount: 2000, metadata: { subscription_id: activated.id } });
    await deliverWebhook(stub.event("payment_intent.succeeded", renewal));
    expect((await api("GET", `/customers/${w.customerId}/subscriptions`)).json.items[0]).toMatchObject({ status: "active", current_period_end: "2026-07-15T08:00:00.000Z" });
    expect(await findLedgerViolations(suite.database.db, w.platform.id)).toEqual([]);
  });
});
