import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { callApi } from "@/test/support/api-client";
import { eventId, billingSuite, setupBilling, subscribedCustomer, type BillingSetup } from "@/test/support/billing-fixtures";
import { testDatabases } from "@/test/support/databases";

const awkward = {
  name: "Awkward",
  code: "awkward",
  prices: [
    {
      name: "Thirds",
      type: "usage_based",
      billing_model: { type: "real_time" },
      usage_calculation: { event_type: "job", usage_type: "unit_and_volume", volume_field: "seconds", billable_dimensions: ["tier", "region"] },
      pricing: [
        {
          asset: "USD",
          values: [
            { name: "Default", dimensions: { tier: "*" }, values: [{ volume_rate: 0.7, package_size: 3 }] },
            { name: "Pro", dimensions: { tier: "pro" }, values: [{ unit_price: 0.000000000001, volume_rate: 1.1, package_size: 7 }] },
            { name: "EU", dimensions: { region: "eu" }, values: [{ volume_rate: 2, package_size: 9 }] },
            { name: "Pro EU", dimensions: { tier: "pro", region: "eu" }, values: [{ volume_rate: 5, package_size: 11 }] },
          ],
        },
        { asset: "CREDIT", values: [{ dimensions: { tier: "*" }, values: [{ unit_price: 1 }] }] },
      ],
    },
  ],
  publish: true,
};

describe.each(testDatabases())("simulation, costs and stats on $name", (target) => {
  let database: Database;
  let setup: BillingSetup;
  billingSuite(target, ["video"], async (d, s) => {
    database = d;
    setup = s;
      expect((await callApi("POST", "/api/v1/products", { key: setup.key, body: awkward })).status).toBe(201);
  });

  const post = (path: string, body: unknown) => callApi("POST", `/api/v1${path}`, { key: setup.key, body });
  const get = (path: string) => callApi("GET", `/api/v1${path}`, { key: setup.key });

  it("simulate and the real event agree to the last digit, and simulating writes nothing", async () => {
    const events = [
      { tier: "pro", region: "eu", seconds: 1 },
      { tier: "pro", region: "us", seconds: 12.345678901234 },
      { tier: "free", region: "eu", seconds: 1 },
      { tier: "free", seconds: 100 },
    ].map((data) => ({ id: eventId("sim"), event_type: "job", occurred_at: "2025-01-02T03:04:05Z", data }));
    const count = async () => rowsOf<{ n: string }>(await database.db.execute(sql`SELECT count(*)::text AS n FROM events`))[0]!.n;
    const before = await count();
    const product = (await get("/products?code=awkward")).json;
    const simulated = await post(`/products/${product.id}/default/simulate-usage`, { events });
    expect(simulated.status, simulated.text).toBe(200);
    const guidePath = await post(`/products/${product.id}/simulate`, { events });
    expect(guidePath.status, guidePath.text).toBe(200);
    expect(guidePath.text).toBe(simulated.text);
    expect(await count()).toBe(before);
    const customerId = await subscribedCustomer(setup.key, ["awkward"]);
    const real = await post("/events", { customer_id: customerId, events });
    const simulatedFees = simulated.text.match(/"fees":\[.*?\]\}/g);
    const realFees = real.text.match(/"fees":\[.*?\]\}/g);
    expect(realFees).toEqual(simulatedFees);
    expect(simulated.text).toContain('"amount":0.454545454545,');
    expect(simulated.text).toContain('"amount":1.940035255909,');
    expect(simulated.json.totals).toEqual([
      { asset: "USD", amount: expect.any(Number) },
      { asset: "CREDIT", amount: 4 },
    ]);
  });

  it("stores costs per vendor and reports revenue, costs and margin", async () => {
    const vendor = await post("/vendors", { name: "OpenAI", external_id: "openai" });
    expect(vendor.status).toBe(201);
    expect((await post("/vendors", { name: "Again", external_id: "openai" })).json.errors.external_id).toBeDefined();
    expect((await get("/vendors?external_id=openai")).json.id).toBe(vendor.json.id);
    expect((await get(`/vendors/${vendor.json.id}`)).json.name).toBe("OpenAI");
    const customerId = await subscribedCustomer(setup.key, ["video_gen_std", "awkward"]);
    const id = eventId("cost");
    const res = await post("/events", {
      customer_id: customerId,
      events: [
        { id, event_type: "video_generated", costs: [{ id: "c1", vendor_external_id: "openai", amount: 0.16, currency: "USD", description: "Sora", metadata: { model: "sora" } }] },
        { id: eventId("cost"), event_type: "job", data: { tier: "free", seconds: 3 }, costs: [{ vendor_id: vendor.json.id, amount: 0.5, currency: "EUR" }] },
      ],
    });
    expect(res.status, res.text).toBe(201);
    const detail = await get(`/events/${id}`);
    expect(detail.json.costs).toEqual([
      { id: "c1", vendor_id: vendor.json.id, vendor_name: "OpenAI", amount: 0.16, currency: "USD", description: "Sora", metadata: { model: "sora" } },
    ]);
    const stats = await get(`/customers/${customerId}/stats`);
    expect(stats.json).toEqual({
      id: customerId,
      from: null,
      to: null,
      revenue: [
        { asset: "CREDIT", amount: 1, value: { currency: "USD", amount: 0.05 } },
        { asset: "USD", amount: 3.2, value: { currency: "USD", amount: 3.2 } },
      ],
      costs: [
        { currency: "EUR", amount: 0.5 },
        { currency: "USD", amount: 0.16 },
      ],
      margin: [
        { currency: "EUR", revenue: 0, costs: 0.5, net: -0.5, margin: null },
        { currency: "USD", revenue: 3.25, costs: 0.16, net: 3.09, margin: 0.9508 },
      ],
    });
    const ranged = await get(`/customers/${customerId}/stats?from=2000-01-01T00:00:00Z&to=2000-02-01T00:00:00Z`);
    expect(ranged.json).toMatchObject({ revenue: [], costs: [], margin: [] });
  });

  it("lists events newest first, per customer, with fees, and 404s foreign ids", async () => {
    const customerId = await subscribedCustomer(setup.key, ["video_gen_std"]);
    const ids = [eventId("list"), eventId("list"), eventId("list")];
    await post("/events", {
      customer_id: customerId,
      events: ids.map((id, i) => ({ id, event_type: "video_generated", occurred_at: `2025-03-0${i + 1}T00:00:00Z`, subject: `video_${i}` })),
    });
    const page = await get(`/events?customer_id=${customerId}&limit=2`);
    expect(page.json).toMatchObject({ total_count: 3, limit: 2, offset: 0 });
    expect(page.json.items.map((e: { id: string }) => e.id)).toEqual([ids[2], ids[1]]);
    expect(page.json.items[0]).toMatchObject({ subject: "video_2", status: "billed", fees: [{ amount: 2.5, account_id: "default:USD", product: { code: "video_gen_std" } }] });
    expect((await get(`/events?customer_id=${customerId}&offset=2`)).json.items.map((e: { id: string }) => e.id)).toEqual([ids[0]]);
    expect((await get("/events?limit=1")).json.total_count).toBeGreaterThan(3);
    const other = await setupBilling(database.db, ["video"]);
    expect((await callApi("GET", `/api/v1/events/${ids[0]}`, { key: other.key })).status).toBe(404);
    expect((await callApi("GET", `/api/v1/events?customer_id=${customerId}`, { key: other.key })).status).toBe(404);
  });
});
