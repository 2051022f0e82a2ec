import { describe, expect, it } from "vitest";
import { callApi } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { FRENCH_BUYER } from "@/test/support/invoice-fixtures";
import { paymentsWorld, portalSession } from "@/test/support/payments-fixtures";
import { testProviderSuite } from "@/test/support/stripe-suite";

describe.each(testDatabases())("billing details on $name", (target) => {
  const suite = testProviderSuite(target);

  it("are written by the platform and the customer, format-checked, and scoped to the platform", async () => {
    const w = await paymentsWorld(suite.database);
    const patch = (body: unknown, customerId = w.customerId, key = w.key) => callApi("PATCH", `/api/v1/customers/${customerId}`, { key, body });
    const bad = await patch({ billing_details: { ...FRENCH_BUYER, tax_id: { type: "eu_vat", value: "FR40303265046" }, address: { ...FRENCH_BUYER.address, country: "EU" } } });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect(bad.json.errors).toMatchObject({ "billing_details.tax_id.value": ["Not a valid eu_vat number."], "billing_details.address.country": ["Must be an assigned ISO 3166-1 country code."] });
    expect((await patch({ billing_details: { address: FRENCH_BUYER.address } })).json.errors).toEqual({ "billing_details.name": ["Enter a name or a company."] });
    const ok = await patch({ billing_details: FRENCH_BUYER });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json.billing_details).toEqual({
      name: "Marie Dupont", company: "Dupont SARL", email: "compta@dupont.example", locale: null, tax_id: { type: "eu_vat", value: "FR40303265045" },
      address: { line1: "12 rue de Rivoli", line2: null, city: "Paris", postal_code: "75001", state: null, country: "FR" },
    });
    const other = await paymentsWorld(suite.database, "Eve");
    expect((await patch({ billing_details: FRENCH_BUYER }, w.customerId, other.key)).status).toBe(404);
    expect((await callApi("GET", `/api/v1/customers/${w.customerId}/invoices`, { key: other.key })).status).toBe(404);

    const portal = await portalSession(suite.database, w);
    const greek = { company: "Alpha AE", address: { line1: "Odos 1", city: "Athens", country: "GR" }, tax_id: { type: "eu_vat", value: "EL094259216" } };
    expect((await portal("PUT", "/api/portal/billing-details", { body: greek })).json.billing_details).toMatchObject({ tax_id: { value: "EL094259216" } });
    expect((await portal("GET", "/api/portal/billing-details")).json.billing_details.company).toBe("Alpha AE");
    expect((await patch({ billing_details: null })).json.billing_details).toBeNull();
  });
});
