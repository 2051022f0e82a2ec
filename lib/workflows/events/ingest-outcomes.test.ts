import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { findLedgerViolations } from "@/lib/domain/ledger";
import { callApi } from "@/test/support/api-client";
import { eventId, sendEvents, billingSuite, setupBilling, subscribedCustomer, type BillingSetup } from "@/test/support/billing-fixtures";
import { testDatabases } from "@/test/support/databases";

const wildcardProduct = {
  name: "Glitch Images",
  code: "glitch_images",
  prices: [
    {
      name: "Image Generation",
      type: "usage_based",
      billing_model: { type: "real_time" },
      usage_calculation: { event_type: "img", usage_type: "unit", billable_dimensions: ["model"] },
      pricing: [
        {
          asset: "USD",
          values: [
            { dimensions: { model: "*" }, values: [{ name: "Glitchy (Default)", unit_price: 0.03 }] },
            { dimensions: { model: "gli-1-0" }, values: [{ name: "Glitchy 1.0", unit_price: 0.05 }] },
          ],
        },
      ],
    },
  ],
  publish: true,
};

describe.each(testDatabases())("event outcomes on $name", (target) => {
  let database: Database;
  let setup: BillingSetup;
  const count = async (table: string) =>
    Number(rowsOf<{ n: string }>(await database.db.execute(sql`SELECT count(*)::text AS n FROM ${sql.identifier(table)} WHERE platform_id = ${setup.platform.id}`))[0]!.n);

  billingSuite(target, undefined, async (d, s) => {
    database = d;
    setup = s;
      expect((await callApi("POST", "/api/v1/products", { key: setup.key, body: wildcardProduct })).status).toBe(201);
  });

  it('uses "*" only when no exact dimension matches', async () => {
    const customerId = await subscribedCustomer(setup.key, ["glitch_images"]);
    const res = await sendEvents(setup.key, customerId, [
      { id: eventId(), event_type: "img", data: { model: "gli-1-0" } },
      { id: eventId(), event_type: "img", data: { model: "gli-9" } },
      { id: eventId(), event_type: "img", data: {} },
    ]);
    expect(res.json.items.map((i: { fees: { amount: number; price_name: string }[] }) => [i.fees[0]!.amount, i.fees[0]!.price_name])).toEqual([
      [0.05, "Glitchy 1.0"],
      [0.03, "Glitchy (Default)"],
      [0.03, "Glitchy (Default)"],
    ]);
    expect(res.json.items[1].fees[0].dimensions).toEqual({ model: "gli-9" });
  });

  it("stores unmatched and unrateable events unbilled with the reason, and bills the rest of the batch", async () => {
    const customerId = await subscribedCustomer(setup.key, ["chat_multimodel", "chat_service_std"]);
    const ids = [eventId(), eventId(), eventId(), eventId()];
    const res = await sendEvents(setup.key, customerId, [
      { id: ids[0], event_type: "model_message", data: { total_tokens: 10, model: "claude" } },
      { id: ids[1], event_type: "nobody_prices_this", data: {} },
      { id: ids[2], event_type: "message_completed", data: { total_tokens: "lots" } },
      { id: ids[3], event_type: "message_completed", data: { total_tokens: 1000 } },
    ]);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ billed: 1, unbilled: 3, duplicates: 0, rejected: 0 });
    expect(res.json.items.slice(0, 3)).toEqual([
      { id: ids[0], status: "unbilled", reason_code: "no_dimension_match", reason: 'chat_multimodel: Token Usage: no USD value matches model="claude".', fees: [] },
      { id: ids[1], status: "unbilled", reason_code: "no_price", reason: "No subscribed product prices event type 'nobody_prices_this'.", fees: [] },
      { id: ids[2], status: "unbilled", reason_code: "rating_error", reason: "chat_service_std: Token Usage: data.total_tokens must be a number.", fees: [] },
    ]);
    const stored = await callApi("GET", `/api/v1/events/${ids[2]}`, { key: setup.key });
    expect(stored.json).toMatchObject({ status: "unbilled", reason_code: "rating_error", fees: [], data: { total_tokens: "lots" } });
    const unbilled = await callApi("GET", `/api/v1/events/${ids[0]}`, { key: setup.key });
    expect(unbilled.json).toMatchObject({ status: "unbilled", reason_code: "no_dimension_match" });
    expect(res.json.balances).toEqual([{ account_id: "default:USD", asset: "USD", available: -1 }]);
  });

  it("bills a customer without subscriptions nothing and says why", async () => {
    const created = await callApi("POST", "/api/v1/customers", { key: setup.key, body: { name: "No plan" } });
    const res = await sendEvents(setup.key, created.json.id, [{ id: eventId(), event_type: "video_generated" }]);
    expect(res.json.items[0]).toMatchObject({ status: "unbilled", reason_code: "no_subscription" });
  });

  it("reports a replay as a duplicate and bills nothing, within a batch and across requests", async () => {
    const customerId = await subscribedCustomer(setup.key, ["video_gen_std"]);
    const id = eventId();
    const first = await sendEvents(setup.key, customerId, [
      { id, event_type: "video_generated" },
      { id, event_type: "video_generated" },
    ]);
    expect(first.json.items.map((i: { status: string }) => i.status)).toEqual(["billed", "duplicate"]);
    const again = await sendEvents(setup.key, customerId, [{ id, event_type: "video_generated", data: { different: true } }]);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ billed: 0, duplicates: 1, balances: [] });
    const wallet = await callApi("GET", `/api/v1/customers/${customerId}/wallet`, { key: setup.key });
    expect(wallet.json.accounts).toEqual([{ id: "default:USD", name: "default", asset: "USD", available: -2.5 }]);
  });

  it("refuses events from the future without storing them (or the vendor their costs name)", async () => {
    const customerId = await subscribedCustomer(setup.key, ["video_gen_std"]);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const ids = [eventId()];
    const vendorsBefore = await count("vendors");
    const res = await sendEvents(setup.key, customerId, [
      { id: ids[0], event_type: "video_generated", occurred_at: future, costs: [{ vendor_external_id: "future_vendor", amount: 1, currency: "USD" }] },
    ]);
    expect(res.status).toBe(200);
    expect(res.json.items).toEqual([{ id: ids[0], status: "rejected", reason_code: "occurred_at_in_future", reason: "occurred_at is in the future.", fees: [] }]);
    expect(await count("vendors")).toBe(vendorsBefore);
    expect((await callApi("GET", `/api/v1/events/${ids[0]}`, { key: setup.key })).status).toBe(404);
    const retry = await sendEvents(setup.key, customerId, [{ id: ids[0], event_type: "video_generated" }]);
    expect(retry.json.items[0].status).toBe("billed");
  });

  it("answers a malformed request with 422 field paths and writes nothing", async () => {
    const customerId = await subscribedCustomer(setup.key, ["video_gen_std"]);
    const before = [await count("events"), await count("ledger_transfers")];
    const bad = await sendEvents(setup.key, customerId, [
      { id: eventId(), event_type: "video_generated" },
      { id: "", event_type: "video_generated", occurred_at: "yesterday", extra: 1 },
      { id: eventId(), event_type: "x", costs: [{ amount: "1", currency: "XYZ" }] },
    ]);
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.errors).sort()).toEqual([
      "events[1].extra",
      "events[1].id",
      "events[1].occurred_at",
      "events[2].costs[0].amount",
      "events[2].costs[0].currency",
    ]);
    const tooMany = await sendEvents(setup.key, customerId, Array.from({ length: 1001 }, () => ({ id: eventId(), event_type: "v" })));
    expect(tooMany.json.errors.events).toEqual(["At most 1000 events per request."]);
    const both = await callApi("POST", "/api/v1/events", { key: setup.key, body: { customer_id: customerId, customer_external_id: "x", events: [{ id: "a", event_type: "v" }] } });
    expect(both.json.errors.customer_id).toBeDefined();
    expect([await count("events"), await count("ledger_transfers")]).toEqual(before);
  });

  it("404s an unknown or foreign customer, by id or external id", async () => {
    const other = await setupBilling(database.db, ["video"]);
    const foreign = await subscribedCustomer(other.key, ["video_gen_std"], { external_id: "ext-foreign" });
    expect((await sendEvents(setup.key, foreign, [{ id: eventId(), event_type: "video_generated" }])).status).toBe(404);
    const byExternal = await callApi("POST", "/api/v1/events", { key: setup.key, body: { customer_external_id: "ext-foreign", events: [{ id: "x", event_type: "v" }] } });
    expect(byExternal.status).toBe(404);
    const own = await callApi("POST", "/api/v1/events", { key: other.key, body: { customer_external_id: "ext-foreign", events: [{ id: eventId(), event_type: "video_generated" }] } });
    expect(own.json.items[0].status).toBe("billed");
    expect(await findLedgerViolations(database.db, setup.platform.id)).toEqual([]);
  });
});
