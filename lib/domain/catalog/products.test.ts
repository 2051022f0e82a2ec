import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { callApi } from "@/test/support/api-client";
import { SEED_PRODUCTS, billingSuite, setupBilling, subscribedCustomer, type BillingSetup } from "@/test/support/billing-fixtures";
import { testDatabases } from "@/test/support/databases";

const usage = (pricing: unknown[], calc: Record<string, unknown> = {}) => ({
  name: "P",
  code: `p_${Math.random().toString(36).slice(2, 10)}`,
  prices: [
    {
      name: "Price",
      type: "usage_based",
      billing_model: { type: "real_time" },
      usage_calculation: { event_type: "e", usage_type: "unit", ...calc },
      pricing,
    },
  ],
});

describe.each(testDatabases())("products on $name", (target) => {
  let database: Database;
  let setup: BillingSetup;
  billingSuite(target, ["video"], (d, s) => {
    database = d;
    setup = s;
  });

  const post = (path: string, body: unknown) => callApi("POST", `/api/v1${path}`, { key: setup.key, body });
  const get = (path: string) => callApi("GET", `/api/v1${path}`, { key: setup.key });

  it("creates a product whose published first version is the default", async () => {
    const res = await post("/products", { ...SEED_PRODUCTS.chat, code: "chat_a" });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ id: expect.stringMatching(/^prp_[0-9a-z]{26}$/), code: "chat_a", version: 1, status: "published", is_default: true });
    const byCode = await get("/products?code=chat_a");
    expect(byCode.json).toMatchObject({ id: res.json.id, name: "AI Chat Service", status: "published", default_version: 1, latest_version: 1 });
    expect(byCode.json.versions[0].prices[0]).toMatchObject({
      id: expect.stringMatching(/^prc_/),
      usage_calculation: { event_type: "message_completed", usage_type: "volume", volume_field: "total_tokens", billable_dimensions: [] },
      pricing: [{ asset: "USD", values: [{ name: null, unit_price: null, volume_rate: 0.001, package_size: null }] }],
    });
    expect(byCode.text).toContain('"volume_rate":0.001,');
    const list = await get("/products?limit=100");
    expect(list.json.items.map((p: { code: string }) => p.code)).toContain("chat_a");
  });

  it("refuses a duplicate code, an unknown asset and a foreign product", async () => {
    expect((await post("/products", SEED_PRODUCTS.video)).json.errors).toEqual({ code: ["A product with code 'video_gen_std' already exists."] });
    const unknown = await post("/products", usage([{ asset: "GEMS", values: [{ unit_price: 1 }] }]));
    expect(unknown.json.errors).toEqual({ "prices[0].pricing[0].asset": ["Unknown asset 'GEMS'."] });
    const other = await setupBilling(database.db, ["video"]);
    expect((await get(`/products/${other.products.video!.id}`)).status).toBe(404);
    expect((await get("/products/prp_nope")).status).toBe(404);
    expect((await get("/products?code=nope")).status).toBe(404);
  });

  it.each<[string, unknown, string[]]>([
    ["a unit price without unit_price", usage([{ asset: "USD", values: [{ volume_rate: 1 }] }]), ["prices[0].pricing[0].values[0].unit_price", "prices[0].pricing[0].values[0].volume_rate"]],
    ["volume without volume_field", usage([{ asset: "USD", values: [{ volume_rate: 1 }] }], { usage_type: "volume" }), ["prices[0].usage_calculation.volume_field"]],
    ["dimensions without billable_dimensions", usage([{ asset: "USD", values: [{ dimensions: { m: "a" }, values: [{ unit_price: 1 }] }] }]), ["prices[0].pricing[0].values"]],
    [
      "an undeclared dimension and a repeated one",
      usage(
        [{ asset: "USD", values: [{ dimensions: { x: "a" }, values: [{ unit_price: 1 }] }, { dimensions: { m: "b" }, values: [{ unit_price: 1 }] }, { dimensions: { m: "b" }, values: [{ unit_price: 2 }] }] }],
        { billable_dimensions: ["m"] },
      ),
      ["prices[0].pricing[0].values[0].dimensions.x", "prices[0].pricing[0].values[2].dimensions"],
    ],
    ["two flat values", usage([{ asset: "USD", values: [{ unit_price: 1 }, { unit_price: 2 }] }]), ["prices[0].pricing[0].values"]],
    ["the same asset twice", usage([{ asset: "USD", values: [{ unit_price: 1 }] }, { asset: "USD", values: [{ unit_price: 2 }] }]), ["prices[0].pricing[1].asset"]],
    ["a negative price", usage([{ asset: "USD", values: [{ unit_price: -1 }] }]), ["prices[0].pricing[0].values[0].unit_price"]],
    [
      "a fixed price billed in real time",
      { name: "F", code: "f_1", prices: [{ name: "Fee", type: "fixed", billing_model: { type: "real_time" }, pricing: [{ asset: "USD", values: [{ unit_price: 20 }] }] }] },
      ["prices[0].billing_model.type"],
    ],
    ["no prices and no entitlements", { name: "Empty", code: "empty" }, ["prices"]],
    ["an unknown field", { ...usage([{ asset: "USD", values: [{ unit_price: 1 }] }]), colour: "red" }, ["colour"]],
  ])("validates %s", async (_label, body, fields) => {
    const res = await post("/products", body);
    expect(res.status, res.text).toBe(422);
    expect(Object.keys(res.json.errors).sort()).toEqual(fields);
  });

  it("stores fixed recurring prices and both entitlement shapes for later billing", async () => {
    const res = await post("/products", {
      name: "Premium Plan",
      code: "premium_monthly",
      entitlements: [
        { name: "Monthly Credit Allowance", asset: "CREDIT", amount: 1000, purpose: "bundled", refresh: { interval: "month", strategy: "expire_and_replace" }, accounting: { revenue_basis: 0, cost_basis: "auto" } },
        { name: "Welcome", asset: "CREDIT", amount: 50, purpose: "promotion", lifecycle: { duration: "day", duration_count: 30 } },
      ],
      prices: [{ name: "Monthly Subscription Fee", type: "fixed", billing_model: { type: "recurring", recurring: { interval: "month" } }, pricing: [{ asset: "USD", values: [{ unit_price: 20 }] }] }],
      publish: true,
    });
    expect(res.status, res.text).toBe(201);
    const detail = await get(`/products/${res.json.id}/1`);
    expect(detail.json.prices[0].billing_model).toEqual({ type: "recurring", recurring: { interval: "month", interval_count: 1 } });
    expect(detail.json.entitlements.map((e: { lifecycle: unknown }) => e.lifecycle)).toEqual([
      { duration: "month", duration_count: 1, refresh: { strategy: "expire_and_replace" } },
      { duration: "day", duration_count: 30, refresh: null },
    ]);
  });

  it("subscribes to a plan without return and failure URLs, sending the customer to the platform's own pages", async () => {
    const plan = await post("/products", {
      name: "Plan", code: "plan_no_urls", publish: true,
      prices: [{ name: "Fee", type: "fixed", billing_model: { type: "recurring", recurring: { interval: "month" } }, pricing: [{ asset: "USD", values: [{ unit_price: 20 }] }] }],
    });
    expect(plan.status, plan.text).toBe(201);
    const urlsOf = async (customerId: string) =>
      rowsOf(await database.db.execute(sql`SELECT return_url, failure_url FROM subscriptions WHERE customer_id = ${customerId}`));
    const noBranding = await post("/customers", { name: "C", subscriptions: [{ products: [{ code: "plan_no_urls" }] }] });
    expect(noBranding.status, noBranding.text).toBe(201);
    expect(noBranding.json.subscriptions[0]).toMatchObject({ status: "pending", required_actions: [{ type: "payment", redirect_url: expect.any(String) }] });
    const signedOut = `${process.env.PORTAL_URL ?? "http://localhost:3000"}/signed-out`;
    expect(await urlsOf(noBranding.json.id)).toEqual([{ return_url: signedOut, failure_url: signedOut }]);
    const branding = await callApi("PUT", "/api/v1/platform/branding", { key: setup.key, body: { name: "Acme", home_url: "https://acme.example/account" } });
    expect(branding.status, branding.text).toBe(200);
    const onlyReturn = await post("/customers", { subscriptions: [{ products: [{ code: "plan_no_urls" }], return_url: "https://acme.example/welcome" }] });
    expect(onlyReturn.status, onlyReturn.text).toBe(201);
    expect(await urlsOf(onlyReturn.json.id)).toEqual([{ return_url: "https://acme.example/welcome", failure_url: "https://acme.example/account" }]);
    const usageOnly = await post("/customers", { subscriptions: [{ products: [{ code: "video_gen_std" }] }] });
    expect(await urlsOf(usageOnly.json.id)).toEqual([{ return_url: null, failure_url: null }]);
  });

  it("versions: drafts, publishing, the default, and subscribers who keep their version", async () => {
    const created = await post("/products", { ...SEED_PRODUCTS.video, code: "video_v" });
    const productId = created.json.id as string;
    const early = await subscribedCustomer(setup.key, ["video_v"]);
    const v2 = await post(`/products/${productId}`, { ...SEED_PRODUCTS.video, code: undefined, prices: [{ ...SEED_PRODUCTS.video.prices[0], pricing: [{ asset: "USD", values: [{ unit_price: 3 }] }] }], publish: false });
    expect(v2.json).toEqual({ id: productId, code: "video_v", version: 2, status: "draft", is_default: false });
    expect((await post(`/products/${productId}`, { ...SEED_PRODUCTS.video, code: "renamed" })).status).toBe(422);
    const draftSub = await post("/customers", { subscriptions: [{ products: [{ code: "video_v", version: 2 }] }] });
    expect(draftSub.json.errors).toEqual({ "subscriptions[0].products[0].code": ["Version 2 of 'video_v' is not published."] });
    const patch = await callApi("PATCH", `/api/v1/products/${productId}/2`, { key: setup.key, body: { publish: true, make_default: true } });
    expect(patch.json).toEqual({ id: productId, code: "video_v", version: 2, status: "published", is_default: true });
    const unpublish = await callApi("PATCH", `/api/v1/products/${productId}/2`, { key: setup.key, body: { publish: false } });
    expect(unpublish.json.errors.publish).toEqual(["A published version cannot be unpublished."]);
    expect((await get(`/products/${productId}/default`)).json.version).toBe(2);
    expect((await get(`/products/${productId}`)).json.versions.map((v: { version: number; is_default: boolean }) => [v.version, v.is_default])).toEqual([
      [2, true],
      [1, false],
    ]);
    const late = await subscribedCustomer(setup.key, ["video_v"]);
    expect((await get(`/customers/${early}`)).json.subscriptions[0].products).toEqual([{ id: productId, code: "video_v", version: 1 }]);
    expect((await get(`/customers/${late}`)).json.subscriptions[0].products).toEqual([{ id: productId, code: "video_v", version: 2 }]);
    for (const [customerId, fee] of [[early, 2.5], [late, 3]] as const) {
      const res = await post("/events", { customer_id: customerId, events: [{ id: `${customerId}-v`, event_type: "video_generated" }] });
      expect(res.json.items[0].fees[0]).toMatchObject({ amount: fee, product_version: fee === 3 ? 2 : 1 });
    }
  });

  it("never lets a published version change, even from SQL", async () => {
    const created = await post("/products", { ...SEED_PRODUCTS.video, code: "video_frozen" });
    await expect(database.db.execute(sql`UPDATE product_versions SET prices = '[]'::jsonb WHERE product_id = ${created.json.id}`)).rejects.toThrow();
    await expect(database.db.execute(sql`DELETE FROM product_versions WHERE product_id = ${created.json.id}`)).rejects.toThrow();
  });
});
