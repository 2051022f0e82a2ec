import { describe, expect, it } from "vitest";
import { callApi } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { documentsOf, FRENCH_BUYER, setUpInvoicing } from "@/test/support/invoice-fixtures";
import { paymentsWorld } from "@/test/support/payments-fixtures";
import { deliverWebhook } from "@/test/support/stripe-env";
import { stripeSuite } from "@/test/support/stripe-suite";

describe.each(testDatabases())("invoices and credit notes through Stripe on $name", (target) => {
  const suite = stripeSuite(target);
  const stub = suite.stub;

  it("charges the rate table's tax through Checkout, invoices the payment, and answers a refund with a credit note naming the invoice", async () => {
    const w = await paymentsWorld(suite.database);
    await setUpInvoicing(w, FRENCH_BUYER);
    const res = await callApi("POST", "/api/v1/top-ups", { key: w.key, body: { customer_id: w.customerId, amount: 25, currency: "USD" } });
    expect(res.status, res.text).toBe(201);
    const session = [...stub.state.sessions.values()].find((s) => s.metadata.top_up_id === res.json.id);
    expect(session.line_items ?? stub.calls("POST", "/v1/checkout/sessions").at(-1)!.body.line_items).toMatchObject([{ price_data: { unit_amount: "3000" } }]);
    const { intent } = stub.completeCheckout(session.id);
    expect((await deliverWebhook(stub.event("checkout.session.completed", session))).json.outcome).toBe("credited");
    const refund = stub.refund(intent.id, 3000);
    const charge = { id: intent.latest_charge, object: "charge", payment_intent: intent.id };
    expect((await deliverWebhook(stub.event("charge.refunded", charge))).json.outcome).toBe("refunded");
    // The same refund told again (refund.updated) issues nothing more.
    await deliverWebhook(stub.event("refund.updated", refund));
    const [note, invoice, ...rest] = await documentsOf(w);
    expect(rest).toEqual([]);
    expect(invoice!.json).toMatchObject({ object: "invoice", number: "ACME-TEST-000001", total: 30, tax_total: 5 });
    expect(note!.json).toMatchObject({
      object: "credit_note", number: "ACME-CN-TEST-000001", credited_invoice_id: invoice!.json.id, status: "refunded",
      subtotal: 25, tax_total: 5, total: 30, lines: [{ kind: "refund", description: "Refund: Wallet top-up (USD)", amount: 25 }],
    });
    for (const text of ["Credit note", "Number: ACME-CN-TEST-000001", "Credits invoice: ACME-TEST-000001", "Tax ID: DE136695976", "Tax ID: FR40303265045",
      "Refund: Wallet top-up (USD) 1 -$25.00", "TVA 20 % -$5.00", "Total -$30.00", "Status: Refunded"]) {
      expect(note!.text).toContain(text);
    }
    expect((await callApi("GET", `/api/v1/customers/${w.customerId}/wallet/default:USD`, { key: w.key })).json.available).toBe(0);
  });

  it("with Stripe Tax, opens Checkout with automatic tax and invoices the tax Stripe computed, whichever event comes first", async () => {
    const w = await paymentsWorld(suite.database);
    await setUpInvoicing(w, FRENCH_BUYER);
    const settings = await callApi("GET", "/api/v1/platform/settings", { key: w.key });
    await callApi("PUT", "/api/v1/platform/settings", { key: w.key, body: { ...settings.json, tax: { behavior: "exclusive", stripe_tax: true, rates: [] } } });
    const res = await callApi("POST", "/api/v1/top-ups", { key: w.key, body: { customer_id: w.customerId, amount: 25, currency: "USD" } });
    expect(res.status, res.text).toBe(201);
    expect(stub.calls("POST", "/v1/checkout/sessions").at(-1)!.body).toMatchObject({
      automatic_tax: { enabled: "true" }, billing_address_collection: "required", tax_id_collection: { enabled: "true" },
      line_items: [{ price_data: { unit_amount: "2500", tax_behavior: "exclusive" } }],
    });
    const session = [...stub.state.sessions.values()].find((s) => s.metadata.top_up_id === res.json.id);
    // What Stripe Tax would add for a buyer in France: 20 % on top.
    Object.assign(session, { amount_total: 3000, total_details: { amount_tax: 500 }, customer_details: { address: { country: "FR" } } });
    const { intent } = stub.completeCheckout(session.id);
    expect((await deliverWebhook(stub.event("payment_intent.succeeded", intent))).json.outcome).toBe("amount_mismatch");
    expect(await documentsOf(w)).toEqual([]);
    expect((await deliverWebhook(stub.event("checkout.session.completed", session))).json.outcome).toBe("credited");
    const [invoice, ...rest] = await documentsOf(w);
    expect(rest).toEqual([]);
    expect(invoice!.json).toMatchObject({ subtotal: 25, tax_total: 5, total: 30, taxes: [{ name: "Tax", country: "FR", rate: null, taxable: 25, amount: 5 }] });
    expect(invoice!.text).toContain("Tax $5.00");
    expect((await callApi("GET", `/api/v1/customers/${w.customerId}/wallet/default:USD`, { key: w.key })).json.available).toBe(25);
  });
});
