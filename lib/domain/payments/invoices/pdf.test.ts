import { describe, expect, it } from "vitest";
import { freezeClock } from "@/lib/kernel/clock";
import { callApi } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { documentsOf, FRENCH_BUYER, setUpInvoicing } from "@/test/support/invoice-fixtures";
import { paymentsWorld, portalSession } from "@/test/support/payments-fixtures";
import { testProviderSuite } from "@/test/support/stripe-suite";

describe.each(testDatabases())("invoice PDFs from the test provider on $name", (target) => {
  const suite = testProviderSuite(target);

  const pay = (url: string) =>
    callApi("POST", `/api/test-checkout/${url.split("/").pop()}`, { body: { card_number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123" }, headers: { origin: "http://portal.test" } });

  async function world(billing: Record<string, unknown> = FRENCH_BUYER, behavior: "exclusive" | "inclusive" = "exclusive") {
    const w = await paymentsWorld(suite.database);
    await setUpInvoicing(w, billing, behavior);
    return { w, portal: await portalSession(suite.database, w) };
  }

  it("a fiat top-up: number, both tax IDs, the line, the rate table's VAT on top and the total", async () => {
    const { w, portal } = await world();
    const topUp = await portal("POST", "/api/portal/top-ups", { body: { account_id: "default:USD", amount: 25 } });
    expect(topUp.status, topUp.text).toBe(201);
    expect((await pay(topUp.json.redirect_url)).json.kind).toBe("redirect");
    const [doc] = await documentsOf(w);
    expect(doc!.json).toMatchObject({
      object: "invoice", number: "ACME-TEST-000001", status: "paid", top_up_id: topUp.json.id, currency: "USD",
      subtotal: 25, tax_total: 5, total: 30, taxes: [{ name: "TVA", country: "FR", rate: 20, taxable: 25, amount: 5 }],
      buyer: { company: "Dupont SARL", tax_id: { type: "eu_vat", value: "FR40303265045" } }, seller: { tax_id: { value: "DE136695976" } },
      payment: { brand: "visa", last4: "4242", status: "paid" },
    });
    for (const text of ["Invoice", "Number: ACME-TEST-000001", "Acme AI GmbH", "Tax ID: DE136695976", "Dupont SARL", "Tax ID: FR40303265045",
      "Wallet top-up (USD) 1 $25.00", "Subtotal $25.00", "TVA 20 % $5.00", "Total $30.00", "visa •••• 4242", "Registered in Berlin, HRB 123456."]) {
      expect(doc!.text).toContain(text);
    }
    expect((await callApi("GET", `/api/v1/customers/${w.customerId}/wallet/default:USD`, { key: w.key })).json.available).toBe(25);
  });

  it("a custom-asset top-up with a coupon bonus: units, unit price and the bonus line (for a buyer whose name is in Japanese)", async () => {
    const { w, portal } = await world({ ...FRENCH_BUYER, company: "株式会社テスト" });
    await callApi("POST", "/api/v1/assets", { key: w.key, raw: `{"code":"CREDIT","name":"Credits","precision":0,"rates":[{"source":"USD","rate":0.05}]}` });
    await callApi("POST", "/api/v1/coupons", { key: w.key, body: { code: "BONUS10", kind: "top_up_bonus", top_up_bonus: { percent: 10 } } });
    expect((await portal("POST", "/api/portal/coupons/redeem", { body: { code: "bonus10" } })).status).toBe(200);
    const topUp = await portal("POST", "/api/portal/top-ups", { body: { account_id: "default:CREDIT", units: 400 } });
    expect((await pay(topUp.json.redirect_url)).json.kind).toBe("redirect");
    const [doc] = await documentsOf(w);
    expect(doc!.json.lines).toEqual([
      { kind: "top_up", description: "Credits", quantity: { value: 400, unit: "CREDIT" }, rate: 0.05, period: null, amount: 20 },
      { kind: "bonus", description: "Top-up bonus (10%)", quantity: { value: 40, unit: "CREDIT" }, rate: null, period: null, amount: 0 },
    ]);
    for (const text of ["ACME-TEST-000001", "DE136695976", "FR40303265045", "株式会社テスト", "Credits 400 CREDIT $0.05 $20.00", "Top-up bonus (10%) 40 CREDIT No charge", "TVA 20 % $4.00", "Total $24.00"]) {
      expect(doc!.text).toContain(text);
    }
  });

  it("a plan charge: the plan with its period, tax-inclusive, in the buyer's locale", async () => {
    freezeClock(new Date("2026-03-01T10:00:00.000Z"));
    const german = { company: "Müller KG", address: { line1: "Marienplatz 1", city: "München", postal_code: "80331", country: "DE" }, tax_id: { type: "eu_vat", value: "DE136695976" }, locale: "de-DE" };
    const { w } = await world(german, "inclusive");
    const api = (method: string, path: string, body?: unknown) => callApi(method, `/api/v1${path}`, { key: w.key, body });
    await api("POST", "/products", {
      name: "Pro Plan", code: "pro_monthly", publish: true,
      prices: [{ name: "Monthly fee", type: "fixed", billing_model: { type: "recurring", recurring: { interval: "month" } }, pricing: [{ asset: "USD", values: [{ unit_price: 20 }] }] }],
    });
    const sub = await api("POST", `/customers/${w.customerId}/subscriptions`, { products: [{ code: "pro_monthly" }] });
    expect(sub.status, sub.text).toBe(201);
    expect((await pay(sub.json.required_actions[0].redirect_url)).json.kind).toBe("redirect");
    const [doc] = await documentsOf(w);
    expect(doc!.json).toMatchObject({
      number: "ACME-TEST-000001", tax_behavior: "inclusive", subtotal: 20, total_excluding_tax: 16.81, tax_total: 3.19, total: 20, locale: "de-DE",
      lines: [{ kind: "plan", description: "Pro Plan", period: { start: "2026-03-01T10:00:00.000Z", end: "2026-04-01T10:00:00.000Z" }, amount: 20 }],
    });
    for (const text of ["ACME-TEST-000001", "Müller KG", "Tax ID: DE136695976", "Pro Plan 1 20,00 $", "Period: 1. März 2026 – 1. April 2026",
      "Total excluding tax 16,81 $", "MwSt. 19 % (included) 3,19 $", "Total 20,00 $"]) {
      expect(doc!.text).toContain(text);
    }
  });
});
