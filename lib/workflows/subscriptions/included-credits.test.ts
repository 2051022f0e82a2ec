import { describe, expect, it } from "vitest";
import { freezeClock } from "@/lib/kernel/clock";
import { findLedgerViolations } from "@/lib/domain/ledger";
import { callApi } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { paymentsWorld } from "@/test/support/payments-fixtures";
import { testProviderSuite } from "@/test/support/stripe-suite";
import { currentPlan } from "./portal-plan";

describe.each(testDatabases())("a paid plan's included credits on $name", (target) => {
  const suite = testProviderSuite(target);

  it("grants nothing while the plan is pending and the full allowance once the first period is paid", async () => {
    freezeClock(new Date("2026-03-01T09:00:00Z"));
    const w = await paymentsWorld(suite.database);
    const api = (method: string, path: string, body?: unknown) => callApi(method, `/api/v1${path}`, { key: w.key, body });
    expect((await api("POST", "/assets", { code: "CREDIT", name: "Credits", precision: 0, rates: [{ source: "USD", rate: 0.05 }] })).status).toBe(201);
    const product = await api("POST", "/products", {
      name: "Starter", code: "starter", publish: true,
      prices: [{ name: "Monthly fee", type: "fixed", billing_model: { type: "recurring", recurring: { interval: "month" } }, pricing: [{ asset: "USD", values: [{ unit_price: 20 }] }] }],
      entitlements: [{ name: "Included credits", asset: "CREDIT", amount: 1000, purpose: "bundled", lifecycle: { duration: "month", refresh: { strategy: "expire_and_replace" } } }],
    });
    expect(product.status, product.text).toBe(201);
    const sub = await api("POST", `/customers/${w.customerId}/subscriptions`, { products: [{ code: "starter" }], return_url: "https://app.example.com/ok", failure_url: "https://app.example.com/no" });
    expect(sub.json.status, sub.text).toBe("pending");
    const grants = () => api("GET", `/customers/${w.customerId}/wallet/default:CREDIT/grants`);
    expect((await grants()).json.items).toEqual([]);
    expect((await currentPlan(suite.database.db, w.scope))?.includedCredits).toBeNull();

    const session = sub.json.required_actions[0].redirect_url.split("/").pop();
    const paid = await callApi("POST", `/api/test-checkout/${session}`, { body: { card_number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123" }, headers: { origin: "http://portal.test" } });
    expect(paid.status, paid.text).toBe(200);
    expect((await grants()).json.items).toMatchObject([{ purpose: "bundled", amount: 1000, remaining: 1000 }]);
    expect((await api("GET", `/customers/${w.customerId}/wallet/default:CREDIT`)).json.available).toBe(1000);
    expect((await currentPlan(suite.database.db, w.scope))?.includedCredits).toMatchObject([{ amount: "1000", asset: { code: "CREDIT" } }]);
    expect(await findLedgerViolations(suite.database.db, w.scope.platformId)).toEqual([]);
  });
});
