import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { callApi, useDatabase } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { createTestPlatform } from "@/test/support/fixtures";

const INVOICING = {
  seller: null,
  invoices: { number_prefix: "INV-", footer: null, require_billing_details: false },
  tax: { behavior: "exclusive", stripe_tax: false, rates: [] },
  spend_lanes: [],
  default_locale: "en",
};
const KINDS = ["receipt", "auto_top_up_succeeded", "auto_top_up_failed", "auto_top_up_paused", "auto_top_up_action_required", "low_balance", "credits_expiring", "plan_renewal_failed", "plan_ending"];
const EMAILS = { kinds: Object.fromEntries(KINDS.map((k) => [k, true])), sender_name: null, reply_to: null, sign_in_by_email: true };
const GUARDRAILS = {
  guardrails: {
    budgets: { customer_editable: true, default_period: "month", default_thresholds: [50, 80, 100], default_hard_stop: false, max_limit: null },
    holds: { no_overdraft_assets: [] },
  },
};
const DEFAULTS = { currency: "USD", top_up: { min_amount: 5, max_amount: 1000, presets: [10, 25, 50, 100] }, auto_top_up: { max_charges_per_day: 5 }, ...INVOICING, ...GUARDRAILS, emails: EMAILS };
const INVOICING_TEXT =
  '"seller":null,"invoices":{"number_prefix":"INV-","footer":null,"require_billing_details":false},"tax":{"behavior":"exclusive","stripe_tax":false,"rates":[]},' +
  '"guardrails":{"budgets":{"customer_editable":true,"default_period":"month","default_thresholds":[50,80,100],"default_hard_stop":false,"max_limit":null},"holds":{"no_overdraft_assets":[]}},' +
  `"spend_lanes":[],"emails":${JSON.stringify(EMAILS)},"default_locale":"en"`;

describe.each(testDatabases())("GET/PUT /platform/settings on $name", (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
    useDatabase(database);
  });
  afterAll(() => database.close());

  it("starts from the defaults, replaces exactly, and keeps each platform's own", async () => {
    const a = await createTestPlatform(database.db);
    const b = await createTestPlatform(database.db);
    expect((await callApi("GET", "/api/v1/platform/settings", { key: a.testKey })).json).toEqual(DEFAULTS);
    const raw = '{"currency":"EUR","top_up":{"min_amount":7.5,"max_amount":250.25,"presets":[7.5,20,250.25]},"auto_top_up":{"max_charges_per_day":3}}';
    const put = await callApi("PUT", "/api/v1/platform/settings", { key: a.testKey, raw });
    expect(put.status, put.text).toBe(200);
    expect(put.text).toBe(`{"currency":"EUR","top_up":{"min_amount":7.5,"max_amount":250.25,"presets":[7.5,20,250.25]},"auto_top_up":{"max_charges_per_day":3},${INVOICING_TEXT}}`);
    expect((await callApi("GET", "/api/v1/platform/settings", { key: a.testKey })).text).toBe(put.text);
    expect((await callApi("GET", "/api/v1/platform/settings", { key: b.testKey })).json).toEqual(DEFAULTS);
    const partial = await callApi("PUT", "/api/v1/platform/settings", { key: a.testKey, body: { top_up: { min_amount: 20 } } });
    expect(partial.json).toEqual({ ...DEFAULTS, top_up: { min_amount: 20, max_amount: 1000, presets: [25, 50, 100] } });
    const emails = await callApi("PUT", "/api/v1/platform/settings", { key: a.testKey, body: { emails: { kinds: { low_balance: false }, sender_name: "Acme Billing", reply_to: "help@acme.example", sign_in_by_email: false } } });
    expect(emails.json.emails).toEqual({ kinds: { ...EMAILS.kinds, low_balance: false }, sender_name: "Acme Billing", reply_to: "help@acme.example", sign_in_by_email: false });
  });

  it("keeps the spend lanes a platform marks visible, in order, and drops them when left out", async () => {
    const a = await createTestPlatform(database.db);
    const spend_lanes = [{ dimension: "model", label: "Model" }, { dimension: "api_key", label: "API key" }];
    const put = await callApi("PUT", "/api/v1/platform/settings", { key: a.testKey, body: { spend_lanes } });
    expect(put.json).toEqual({ ...DEFAULTS, spend_lanes });
    expect((await callApi("GET", "/api/v1/platform/settings", { key: a.testKey })).json).toEqual({ ...DEFAULTS, spend_lanes });
    await callApi("PUT", "/api/v1/platform/settings", { key: a.testKey, body: {} });
    expect((await callApi("GET", "/api/v1/platform/settings", { key: a.testKey })).json).toEqual(DEFAULTS);
  });

  it("refuses inconsistent settings field by field", async () => {
    const a = await createTestPlatform(database.db);
    const cases: [unknown, string][] = [
      [{ top_up: { min_amount: 50, max_amount: 10 } }, "top_up.max_amount"],
      [{ top_up: { min_amount: 2000 } }, "top_up.min_amount"],
      [{ top_up: { presets: [10, 5000] } }, "top_up.presets[1]"],
      [{ top_up: { min_amount: 5.001 } }, "top_up.min_amount"],
      [{ top_up: { min_amount: 0.1 } }, "top_up.min_amount"],
      [{ currency: "XYZ" }, "currency"],
      [{ currency: "JPY" }, "top_up.min_amount"],
      [{ auto_top_up: { max_charges_per_day: 0 } }, "auto_top_up.max_charges_per_day"],
      [{ auto_top_up: { max_charges_per_day: 25 } }, "auto_top_up.max_charges_per_day"],
      [{ top_up: { presets: [1, 2, 3, 4, 5, 6, 7] } }, "top_up.presets"],
      [{ spend_lanes: [{ dimension: "model", label: "Model" }, { dimension: "model", label: "Again" }] }, "spend_lanes[1].dimension"],
      [{ spend_lanes: [{ dimension: "a b", label: "Spaced" }] }, "spend_lanes[0].dimension"],
      [{ spend_lanes: [{ dimension: "model", label: " " }] }, "spend_lanes[0].label"],
      [{ spend_lanes: [{ dimension: "model" }] }, "spend_lanes[0].label"],
      [{ spend_lanes: Array.from({ length: 9 }, (_, i) => ({ dimension: `d${i}`, label: `D${i}` })) }, "spend_lanes"],
      [{ emails: { kinds: { receipts: false } } }, "emails.kinds.receipts"],
      [{ emails: { reply_to: "not an address" } }, "emails.reply_to"],
      [{ emails: { sender_name: "Evil\r\nBcc: x@y.z" } }, "emails.sender_name"],
      [{ emails: { default_locale: "de" } }, "emails.default_locale"],
      [{ default_locale: "xx" }, "default_locale"],
    ];
    for (const [body, field] of cases) {
      const res = await callApi("PUT", "/api/v1/platform/settings", { key: a.testKey, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(res.json.errors), JSON.stringify(body)).toContain(field);
    }
    expect((await callApi("GET", "/api/v1/platform/settings", { key: a.testKey })).json).toEqual(DEFAULTS);
  });
});
