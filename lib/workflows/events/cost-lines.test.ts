import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { findLedgerViolations } from "@/lib/domain/ledger";
import { callApi } from "@/test/support/api-client";
import { billingSuite, eventId, sendEvents, setupBilling, subscribedCustomer, type BillingSetup } from "@/test/support/billing-fixtures";
import { testDatabases } from "@/test/support/databases";

// Billing never depends on cost lines: a cost naming a vendor the platform has not registered must
// not lose the event's revenue.
describe.each(testDatabases())("cost lines never decide billing, on $name", (target) => {
  let database: Database;
  let setup: BillingSetup;
  billingSuite(target, ["video"], (d, s) => {
    database = d;
    setup = s;
  });

  const get = (path: string) => callApi("GET", `/api/v1${path}`, { key: setup.key });
  const vendorRows = async (externalId: string) =>
    rowsOf<{ id: string; name: string }>(
      await database.db.execute(sql`SELECT id, name FROM vendors WHERE platform_id = ${setup.platform.id} AND external_id = ${externalId}`),
    );

  it("bills an event whose cost names an unregistered vendor_external_id, registering that vendor on first sight", async () => {
    const customerId = await subscribedCustomer(setup.key, ["video_gen_std"]);
    const id = eventId("cost");
    const cost = { id: "c-1", vendor_external_id: "vnd_openai_123", description: "OpenAI Sora API", amount: 0.16, currency: "USD", metadata: { model: "sora-fast" } };
    const res = await sendEvents(setup.key, customerId, [{ id, event_type: "video_generated", data: { minutes: 2 }, costs: [cost] }]);
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ billed: 1, rejected: 0, balances: [{ account_id: "default:USD", available: -2.5 }] });
    expect(res.json.items[0]).toMatchObject({
      status: "billed",
      fees: [{ amount: 2.5 }],
      warnings: [{ code: "vendor_registered", field: "costs[0].vendor_external_id", message: expect.stringContaining("vnd_openai_123") }],
    });
    const [vendor] = await vendorRows("vnd_openai_123");
    expect(vendor).toMatchObject({ name: "vnd_openai_123" });
    expect((await get("/vendors?external_id=vnd_openai_123")).json).toMatchObject({ id: vendor!.id, name: "vnd_openai_123", external_id: "vnd_openai_123" });
    expect((await get(`/events/${id}`)).json).toMatchObject({
      status: "billed",
      costs: [{ id: "c-1", vendor_id: vendor!.id, vendor_name: "vnd_openai_123", amount: 0.16, currency: "USD", description: "OpenAI Sora API" }],
    });
    const again = await sendEvents(setup.key, customerId, [{ id: eventId("cost"), event_type: "video_generated", costs: [{ ...cost, id: "c-2" }] }]);
    expect(again.json.items[0]).toEqual(expect.not.objectContaining({ warnings: expect.anything() }));
    expect(await vendorRows("vnd_openai_123")).toHaveLength(1);
    expect((await get(`/customers/${customerId}/stats`)).json.margin).toEqual([{ currency: "USD", revenue: 5, costs: 0.32, net: 4.68, margin: 0.936 }]);
  });

  it("bills an event whose cost names an unknown vendor_id and keeps the cost unattributed", async () => {
    const customerId = await subscribedCustomer(setup.key, ["video_gen_std"]);
    const id = eventId("cost");
    const res = await sendEvents(setup.key, customerId, [
      { id, event_type: "video_generated", costs: [{ vendor_id: "vnd_01abcdefghjkmnpqrstvwxyz0", amount: 0.5, currency: "EUR" }] },
    ]);
    expect(res.status, res.text).toBe(201);
    expect(res.json.items[0]).toMatchObject({
      status: "billed",
      fees: [{ amount: 2.5 }],
      warnings: [{ code: "unknown_vendor", field: "costs[0].vendor_id", message: expect.stringContaining("recorded without a vendor") }],
    });
    expect((await get(`/events/${id}`)).json.costs).toEqual([
      { id: null, vendor_id: null, vendor_name: null, amount: 0.5, currency: "EUR", description: null, metadata: {} },
    ]);
    expect((await get(`/customers/${customerId}/stats`)).json.costs).toEqual([{ currency: "EUR", amount: 0.5 }]);
    expect(await findLedgerViolations(database.db, setup.platform.id)).toEqual([]);
  });

  it("never attributes a cost to another platform's vendor, by id or by external id", async () => {
    const other = await setupBilling(database.db, ["video"]);
    const foreign = await callApi("POST", "/api/v1/vendors", { key: other.key, body: { name: "Foreign GPU", external_id: "foreign_gpu" } });
    expect(foreign.status).toBe(201);
    const customerId = await subscribedCustomer(setup.key, ["video_gen_std"]);
    const ids = [eventId("iso"), eventId("iso")];
    const res = await sendEvents(setup.key, customerId, [
      { id: ids[0], event_type: "video_generated", costs: [{ vendor_id: foreign.json.id, amount: 1, currency: "USD" }] },
      { id: ids[1], event_type: "video_generated", costs: [{ vendor_external_id: "foreign_gpu", amount: 1, currency: "USD" }] },
    ]);
    expect(res.json.items.map((i: { status: string; warnings: { code: string }[] }) => [i.status, i.warnings[0]!.code])).toEqual([
      ["billed", "unknown_vendor"],
      ["billed", "vendor_registered"],
    ]);
    expect((await get(`/events/${ids[0]}`)).json.costs[0]).toMatchObject({ vendor_id: null, vendor_name: null });
    const [own] = await vendorRows("foreign_gpu");
    expect(own!.id).not.toBe(foreign.json.id);
    expect((await get(`/events/${ids[1]}`)).json.costs[0]).toMatchObject({ vendor_id: own!.id, vendor_name: "foreign_gpu" });
    expect(res.text).not.toContain("Foreign GPU");
  });

  it("registers a vendor once when concurrent requests name it first, and bills every event", async () => {
    const customers = await Promise.all(Array.from({ length: 6 }, () => subscribedCustomer(setup.key, ["video_gen_std"])));
    const results = await Promise.all(
      customers.map((customerId) =>
        sendEvents(setup.key, customerId, [{ id: eventId("race"), event_type: "video_generated", costs: [{ vendor_external_id: "gpu_race", amount: 1, currency: "USD" }] }]),
      ),
    );
    expect(results.map((r) => [r.status, r.json.items[0].status])).toEqual(customers.map(() => [201, "billed"]));
    const [vendor, ...extra] = await vendorRows("gpu_race");
    expect(extra).toEqual([]);
    const [costs] = rowsOf<{ n: string; vendors: string }>(
      await database.db.execute(sql`SELECT count(*)::text AS n, count(DISTINCT vendor_id)::text AS vendors FROM event_costs
        WHERE platform_id = ${setup.platform.id} AND vendor_id = ${vendor!.id}`),
    );
    expect(costs).toEqual({ n: "6", vendors: "1" });
  });
});
