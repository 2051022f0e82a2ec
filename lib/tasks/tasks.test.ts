import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usagePrice } from "@/lib/catalog/usage-price";
import type { Database } from "@/lib/db";
import { callApi, useDatabase } from "@/lib/testing/api-client";
import { testDatabases } from "@/lib/testing/databases";
import { createTestPlatform, type TestPlatform } from "@/lib/testing/fixtures";

const price = usagePrice("Calls", "api_call", { usage_type: "unit" }, [{ asset: "USD", values: [{ unit_price: 0.5 }] }]);

describe.each(testDatabases())("tasks and vendor stats on $name", (target) => {
  let database: Database;
  let platform: TestPlatform;
  let customer: string;
  let openai: string;
  let gpu: string;
  beforeAll(async () => {
    database = await target.open();
    useDatabase(database);
    platform = await createTestPlatform(database.db);
    await api("POST", "/products", { name: "Calls", code: "calls", prices: [price], publish: true });
    openai = (await api("POST", "/vendors", { name: "OpenAI", external_id: "openai" })).json.id;
    gpu = (await api("POST", "/vendors", { name: "GPU Cloud", external_id: "gpu" })).json.id;
    customer = (await api("POST", "/customers", { name: "Tasker", subscriptions: [{ products: [{ code: "calls" }] }] })).json.id;
    const event = (id: string, subject: string | undefined, at: string, costs: unknown[] = []) => ({ id, event_type: "api_call", subject, occurred_at: at, costs });
    const ingested = await api("POST", "/events", {
      customer_id: customer,
      events: [
        event("v1-a", "video_1", "2026-03-01T10:00:00Z", [{ vendor_id: openai, amount: 0.1, currency: "USD" }]),
        event("v1-b", "video_1", "2026-03-01T10:05:00Z", [{ vendor_id: openai, amount: 0.05, currency: "USD" }, { vendor_id: gpu, amount: 0.25, currency: "USD" }]),
        event("v1-c", "video_1", "2026-03-01T09:55:00Z"),
        event("v2-a", "video/2 ü", "2026-03-02T08:00:00Z", [{ vendor_id: gpu, amount: 0.7, currency: "USD" }]),
        event("none", undefined, "2026-03-03T08:00:00Z", [{ vendor_id: openai, amount: 1, currency: "USD" }]),
      ],
    });
    expect(ingested.status, ingested.text).toBeLessThan(300);
  });
  afterAll(() => database.close());

  async function api(method: string, path: string, body?: unknown) {
    const res = await callApi(method, `/api/v1${path}`, { key: platform.testKey, body });
    if (method === "POST") expect(res.status, res.text).toBeLessThan(300);
    return res;
  }

  it("lists a customer's tasks newest first with their figures, paged and filtered by period", async () => {
    const res = await api("GET", `/tasks?customer_id=${customer}`);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ total_count: 2, limit: 20, offset: 0 });
    const [second, first] = res.json.items;
    expect(second).toMatchObject({ id: `${customer}:video/2 ü`, subject: "video/2 ü", event_count: 1, started_at: "2026-03-02T08:00:00.000Z" });
    expect(first).toEqual({
      id: `${customer}:video_1`,
      customer_id: customer,
      subject: "video_1",
      event_count: 3,
      started_at: "2026-03-01T09:55:00.000Z",
      last_event_at: "2026-03-01T10:05:00.000Z",
      gross_revenue: [{ asset: "USD", amount: 1.5, value: { currency: "USD", amount: 1.5 } }],
      total_costs: [{ currency: "USD", amount: 0.4 }],
      net_revenue: [{ currency: "USD", amount: 1.1 }],
      margin: [{ currency: "USD", revenue: 1.5, costs: 0.4, net: 1.1, margin: 0.7333 }],
    });
    const paged = await api("GET", `/tasks?customer_id=${customer}&limit=1&offset=1`);
    expect(paged.json.items.map((t: { subject: string }) => t.subject)).toEqual(["video_1"]);
    const march2 = await api("GET", `/tasks?customer_id=${customer}&from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z`);
    expect(march2.json).toMatchObject({ total_count: 1, items: [{ subject: "video/2 ü" }] });
    expect((await api("GET", "/tasks")).status).toBe(422);
    expect((await api("GET", "/tasks?customer_id=cust_unknown")).status).toBe(404);
  });

  it("returns one task by its URL-encoded id: events with fees and costs, totals and the cost of each vendor", async () => {
    const res = await api("GET", `/tasks/${encodeURIComponent(`${customer}:video_1`)}`);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ id: `${customer}:video_1`, event_count: 3, total_costs: [{ currency: "USD", amount: 0.4 }], net_revenue: [{ currency: "USD", amount: 1.1 }] });
    expect(res.json.vendors).toEqual([
      { vendor_id: gpu, vendor_name: "GPU Cloud", currency: "USD", amount: 0.25, event_count: 1 },
      { vendor_id: openai, vendor_name: "OpenAI", currency: "USD", amount: 0.15, event_count: 2 },
    ]);
    expect(res.json.events).toMatchObject({ total_count: 3, limit: 20, offset: 0 });
    expect(res.json.events.items.map((e: { id: string }) => e.id)).toEqual(["v1-c", "v1-a", "v1-b"]);
    expect(res.json.events.items[2].fees[0]).toMatchObject({ amount: 0.5, asset: "USD" });
    expect(res.json.events.items[2].costs.map((c: { amount: number }) => c.amount).sort()).toEqual([0.05, 0.25]);
    const page2 = await api("GET", `/tasks/${encodeURIComponent(`${customer}:video_1`)}?limit=2&offset=2`);
    expect(page2.json.events.items.map((e: { id: string }) => e.id)).toEqual(["v1-b"]);
    const unicode = await api("GET", `/tasks/${encodeURIComponent(`${customer}:video/2 ü`)}`);
    expect(unicode.json).toMatchObject({ subject: "video/2 ü", gross_revenue: [{ asset: "USD", amount: 0.5 }], total_costs: [{ currency: "USD", amount: 0.7 }] });
    for (const id of [`${customer}:nope`, `${customer}:`, "video_1", `:video_1`, `cust_other:video_1`]) {
      const missing = await api("GET", `/tasks/${encodeURIComponent(id)}`);
      expect(missing.status, id).toBe(404);
      expect(missing.headers.get("content-type"), id).toContain("application/problem+json");
    }
  });

  it("adds new events to their task, including one sent earlier than the task's start, and counts new tasks", async () => {
    await api("POST", "/events", { customer_id: customer, events: [{ id: "v1-late", event_type: "api_call", subject: "video_1", occurred_at: "2026-02-28T00:00:00Z" }] });
    await api("POST", "/events", { customer_id: customer, events: [{ id: "v1-late", event_type: "api_call", subject: "video_1", occurred_at: "2026-02-28T00:00:00Z" }] });
    const res = await api("GET", `/tasks/${encodeURIComponent(`${customer}:video_1`)}`);
    expect(res.json).toMatchObject({ event_count: 4, started_at: "2026-02-28T00:00:00.000Z", gross_revenue: [{ asset: "USD", amount: 2 }] });
    expect((await api("GET", `/tasks?customer_id=${customer}`)).json.total_count).toBe(2);
    await api("POST", "/events", { customer_id: customer, events: [{ id: "v3-a", event_type: "api_call", subject: "video_3", occurred_at: "2026-03-04T00:00:00Z" }] });
    const listed = await api("GET", `/tasks?customer_id=${customer}`);
    expect(listed.json).toMatchObject({ total_count: 3, items: [{ subject: "video_3", event_count: 1 }, { subject: "video/2 ü" }, { subject: "video_1" }] });
  });

  it("reports a vendor's costs, the events they came with and the revenue those earned, over a period", async () => {
    const all = await api("GET", `/vendors/${openai}/stats`);
    expect(all.status, all.text).toBe(200);
    expect(all.json).toEqual({
      id: openai,
      from: null,
      to: null,
      event_count: 3,
      revenue: [{ asset: "USD", amount: 1.5, value: { currency: "USD", amount: 1.5 } }],
      costs: [{ currency: "USD", amount: 1.15 }],
      margin: [{ currency: "USD", revenue: 1.5, costs: 1.15, net: 0.35, margin: 0.2333 }],
    });
    const march1 = await api("GET", `/vendors/${gpu}/stats?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z`);
    expect(march1.json).toMatchObject({ event_count: 1, revenue: [{ asset: "USD", amount: 0.5 }], costs: [{ currency: "USD", amount: 0.25 }] });
    expect((await api("GET", "/vendors/vnd_unknown/stats")).status).toBe(404);
    expect((await api("GET", `/vendors/${openai}/stats?from=yesterday`)).status).toBe(422);
  });
});
