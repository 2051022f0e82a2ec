import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { callApi, useDatabase } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { createTestPlatform } from "@/test/support/fixtures";
import { rowCounts } from "@/test/support/row-counts";

interface World {
  key: string;
  platformIds?: string[];
  customerId: string;
  foreignCustomerId: string;
}

interface Endpoint {
  method: "POST" | "PUT" | "PATCH";
  path: (w: World) => string;
  body: (w: World) => Record<string, unknown>;
  required: string[];
  numbers?: string[];
  strings?: string[];
  assets?: string[];
  customerFields?: string[];
}

/** Every mutating /api/v1 endpoint with a body that would succeed, and what is hostile about each field. */
const ENDPOINTS: Endpoint[] = [
  {
    method: "POST",
    path: () => "/api/v1/customers",
    body: () => ({ name: "Valid", external_id: `ext-${Math.random()}`, email: "v@example.com" }),
    required: [],
    strings: ["name", "external_id", "email"],
  },
  {
    method: "POST",
    path: (w) => `/api/v1/customers/${w.customerId}/wallet/adjustments`,
    body: () => ({ transaction_id: `t-${Math.random()}`, asset: "USD", amount: 10, reason: "gift" }),
    required: ["transaction_id", "asset", "amount", "reason"],
    numbers: ["amount"],
    strings: ["transaction_id", "description"],
    assets: ["asset"],
  },
  {
    method: "POST",
    path: (w) => `/api/v1/customers/${w.customerId}/wallet/holds`,
    body: () => ({ asset: "USD", amount: 3, subject: "Render", expires_at: new Date(Date.now() + 3_600_000).toISOString() }),
    required: ["asset", "amount", "expires_at"],
    numbers: ["amount"],
    strings: ["subject", "description"],
    assets: ["asset"],
  },
  {
    method: "PUT",
    path: (w) => `/api/v1/customers/${w.customerId}/wallet/default:USD/budget`,
    body: () => ({ limit: 25, period: "week", thresholds: [50, 90], hard_stop: true }),
    required: ["limit"],
    numbers: ["limit"],
    strings: ["period"],
  },
  {
    method: "POST",
    path: () => "/api/v1/assets",
    body: () => ({ code: `A${Math.floor(Math.random() * 1e6)}`, name: "Asset", precision: 2, rates: [{ source: "USD", rate: 0.1 }] }),
    required: ["code", "name", "precision"],
    numbers: ["precision"],
    strings: ["name", "code"],
  },
  {
    method: "POST",
    path: () => "/api/v1/assets/CREDIT/quote",
    body: () => ({ source: "USD", amount: 10 }),
    required: ["source", "amount"],
    numbers: ["amount"],
  },
  {
    method: "POST",
    path: () => "/api/v1/assets/CREDIT/rates",
    body: () => ({ source: "USD", rate: 0.2 }),
    required: ["source"],
    numbers: ["rate"],
    assets: [],
  },
  {
    method: "POST",
    path: () => "/api/v1/billing-portal/sessions",
    body: (w) => ({ customer_id: w.customerId, return_url: "https://example.com/r", failure_url: "https://example.com/f" }),
    required: ["customer_id", "return_url", "failure_url"],
    strings: ["return_url", "failure_url"],
    customerFields: ["customer_id"],
  },
  {
    method: "POST",
    path: () => "/api/v1/top-ups",
    body: (w) => ({ customer_id: w.customerId, amount: 20, currency: "USD", destination: { asset: "CREDIT" }, return_url: "https://example.com/r" }),
    required: ["customer_id", "amount", "currency"],
    numbers: ["amount"],
    strings: ["currency", "description", "return_url", "failure_url"],
    customerFields: ["customer_id"],
  },
  {
    method: "PUT",
    path: () => "/api/v1/platform/settings",
    body: () => ({ currency: "USD", top_up: { min_amount: 5, max_amount: 500, presets: [10, 20] }, auto_top_up: { max_charges_per_day: 5 } }),
    required: [],
    strings: ["currency"],
  },
  {
    method: "POST",
    path: () => "/api/v1/webhooks",
    body: () => ({ url: "https://hooks.example.com/billfold", topics: ["*"] }),
    required: ["url"],
    strings: ["url", "description"],
  },
  {
    method: "PUT",
    path: () => "/api/v1/platform/branding",
    body: () => ({ name: "Acme", primary_color: "#123456" }),
    required: [],
    strings: ["name", "primary_color", "logo_url"],
  },
];

interface Case {
  label: string;
  endpoint: Endpoint;
  raw: (w: World) => string;
  path?: (w: World) => string;
}

const MEGABYTE = "x".repeat(1_048_576);

function cases(): Case[] {
  const out: Case[] = [];
  for (const e of ENDPOINTS) {
    const name = `${e.method} ${e.path({ key: "", customerId: ":id", foreignCustomerId: "" })}`;
    const withField = (field: string, value: string) => (w: World) => {
      const body = JSON.stringify({ ...e.body(w), [field]: "__HOSTILE__" });
      return body.replace('"__HOSTILE__"', value);
    };
    out.push({ label: `${name}: malformed JSON`, endpoint: e, raw: (w) => JSON.stringify(e.body(w)).slice(0, -1) + ",}" });
    out.push({ label: `${name}: empty body`, endpoint: e, raw: () => "" });
    out.push({ label: `${name}: array instead of object`, endpoint: e, raw: (w) => JSON.stringify([e.body(w)]) });
    out.push({ label: `${name}: extra field`, endpoint: e, raw: withField("unexpected_field", "1") });
    for (const field of e.required) {
      out.push({
        label: `${name}: missing ${field}`,
        endpoint: e,
        raw: (w) => {
          const body = e.body(w);
          delete body[field];
          return JSON.stringify(body);
        },
      });
      out.push({ label: `${name}: ${field} as an object`, endpoint: e, raw: withField(field, '{"nested":true}') });
    }
    for (const field of e.numbers ?? []) {
      for (const [what, value] of [["NaN", "NaN"], ["Infinity", "Infinity"], ["1e309", "1e309"], ["a string", '"10"'], ["-Infinity", "-Infinity"], ["true", "true"]] as const) {
        out.push({ label: `${name}: ${field} = ${what}`, endpoint: e, raw: withField(field, value) });
      }
    }
    for (const field of e.strings ?? []) {
      out.push({ label: `${name}: ${field} is 1 MB`, endpoint: e, raw: withField(field, JSON.stringify(MEGABYTE)) });
      out.push({ label: `${name}: ${field} as a number`, endpoint: e, raw: withField(field, "12") });
    }
    for (const field of e.assets ?? []) {
      out.push({ label: `${name}: unknown asset`, endpoint: e, raw: withField(field, '"NOPE"') });
    }
    for (const field of e.customerFields ?? []) {
      out.push({ label: `${name}: another platform's customer`, endpoint: e, raw: (w) => JSON.stringify({ ...e.body(w), [field]: w.foreignCustomerId }) });
    }
    if (e.path({ key: "", customerId: "C", foreignCustomerId: "F" }).includes("/C/")) {
      out.push({ label: `${name}: another platform's customer in the path`, endpoint: e, raw: (w) => JSON.stringify(e.body(w)), path: (w) => e.path({ ...w, customerId: w.foreignCustomerId }) });
    }
  }
  return out;
}

describe.each(testDatabases())("hostile input on $name", (target) => {
  let database: Database;
  let world: World;
  beforeAll(async () => {
    database = await target.open();
    useDatabase(database);
    const a = await createTestPlatform(database.db);
    const b = await createTestPlatform(database.db);
    const customer = await callApi("POST", "/api/v1/customers", { key: a.testKey, body: { name: "A" } });
    const foreign = await callApi("POST", "/api/v1/customers", { key: b.testKey, body: { name: "B" } });
    await callApi("POST", "/api/v1/assets", { key: a.testKey, body: { code: "CREDIT", name: "Credits", precision: 0, rates: [{ source: "USD", rate: 0.05 }] } });
    world = { key: a.testKey, customerId: customer.json.id, foreignCustomerId: foreign.json.id, platformIds: [a.id, b.id] };
  });
  afterAll(() => database.close());

  it("every valid base body is accepted (so each hostile case tests one thing)", async () => {
    for (const e of ENDPOINTS) {
      const res = await callApi(e.method, e.path(world), { key: world.key, body: e.body(world) });
      expect(res.status, `${e.method} ${e.path(world)}: ${res.text}`).toBeLessThan(300);
    }
  });

  it.each(cases().map((c) => [c.label, c] as const))("%s → 4xx problem+json, nothing written", async (_label, c) => {
    const before = await rowCounts(database.db, world.platformIds!);
    const res = await callApi(c.endpoint.method, (c.path ?? c.endpoint.path)(world), { key: world.key, raw: c.raw(world) });
    expect(res.status, res.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.json.status).toBe(res.status);
    expect(await rowCounts(database.db, world.platformIds!)).toEqual(before);
  });

  it("a missing or bad API key is a 401 with an empty body", async () => {
    for (const key of [null, "key_test_wrong", "Bearer", "key_live_0000000000000000000000000000000"]) {
      const res = await callApi("GET", "/api/v1/customers", { key });
      expect(res.status).toBe(401);
      expect(res.text).toBe("");
    }
  });
});
