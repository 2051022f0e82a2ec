import { describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { callApi } from "@/test/support/api-client";
import { billingSuite, eventId, subscribedCustomer, type BillingSetup } from "@/test/support/billing-fixtures";
import { testDatabases } from "@/test/support/databases";
import { feesAndDebits } from "@/test/support/stored-checks";
import { rowCounts } from "@/test/support/row-counts";

// What a platform sends when it cuts a user's string in the middle of an emoji: half a surrogate pair.
const CUT = "\\ud83d";

describe.each(testDatabases())("ids and text that the database could not return unchanged, on $name", (target) => {
  let database: Database;
  let setup: BillingSetup;
  let customerId: string;
  billingSuite(target, ["video"], async (db, s) => {
    database = db;
    setup = s;
    customerId = await subscribedCustomer(s.key, ["video_gen_std"]);
  });

  const post = (path: string, raw: string) => callApi("POST", path, { key: setup.key, raw });
  const event = (id: string, extra = "") => `{"customer_id":"${customerId}","events":[{"id":"${id}","event_type":"video_generated"${extra}}]}`;
  const adjustment = (id: string) => `{"transaction_id":"${id}","asset":"USD","amount":5,"reason":"gift"}`;

  it("an event id with a lone surrogate is a 422 and nothing is billed (it was stored billed and never debited)", async () => {
    const before = await rowCounts(database.db, [setup.platform.id]);
    const res = await post("/api/v1/events", event(`free_1_${CUT}`));
    expect(res.status, res.text).toBe(422);
    expect(res.json.errors["events[0].id"][0]).toMatch(/well-formed Unicode/);
    expect(await rowCounts(database.db, [setup.platform.id])).toEqual(before);
    const money = await feesAndDebits(database.db, setup.platform.id);
    expect(money.fees).toBe(money.debits);
  });

  it("an adjustment's transaction_id with a lone surrogate is a 422, every time, and credits nothing (it credited and answered 500)", async () => {
    const before = await rowCounts(database.db, [setup.platform.id]);
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await post(`/api/v1/customers/${customerId}/wallet/adjustments`, adjustment(`t_${CUT}`));
      expect(res.status, res.text).toBe(422);
      expect(Object.keys(res.json.errors)).toEqual(["transaction_id"]);
    }
    expect(await rowCounts(database.db, [setup.platform.id])).toEqual(before);
  });

  it("a whole emoji is an ordinary id: billed, debited, found, replayed", async () => {
    const id = `free_1_😀_${eventId()}`;
    const first = await post("/api/v1/events", event(id));
    expect(first.json.billed, first.text).toBe(1);
    const again = await post("/api/v1/events", event(id));
    expect(again.json.duplicates).toBe(1);
    const found = await callApi("GET", `/api/v1/events/${encodeURIComponent(id)}`, { key: setup.key });
    expect(found.json).toMatchObject({ id, status: "billed" });
    const money = await feesAndDebits(database.db, setup.platform.id);
    expect(money.fees).toBe(money.debits);
    const adj = `t_😀_${eventId()}`;
    expect((await post(`/api/v1/customers/${customerId}/wallet/adjustments`, adjustment(adj))).status).toBe(201);
    const replay = await post(`/api/v1/customers/${customerId}/wallet/adjustments`, adjustment(adj));
    expect([replay.status, replay.headers.get("idempotent-replayed")]).toEqual([201, "true"]);
  });

  it.each([
    ["a customer name", "/api/v1/customers", `{"name":"Ada ${CUT}"}`, "name"],
    ["a metadata value", "/api/v1/customers", `{"name":"Ada","metadata":{"k":"v${CUT}"}}`, "metadata.k"],
    ["a metadata key", "/api/v1/customers", `{"name":"Ada","metadata":{"k${CUT}":"v"}}`, `metadata.k\ud83d`],
    ["an external id", "/api/v1/customers", `{"external_id":"x${CUT}"}`, "external_id"],
    ["a vendor name", "/api/v1/vendors", `{"name":"v${CUT}"}`, "name"],
    ["an adjustment description", "ADJ", `{"transaction_id":"d-${Math.random()}","asset":"USD","amount":1,"reason":"gift","description":"${CUT}"}`, "description"],
  ])("%s with a lone surrogate is a 422 naming it", async (_label, path, raw, field) => {
    const before = await rowCounts(database.db, [setup.platform.id]);
    const res = await post(path === "ADJ" ? `/api/v1/customers/${customerId}/wallet/adjustments` : path, raw);
    expect(res.status, res.text).toBe(422);
    expect(Object.keys(res.json.errors)).toEqual([field]);
    expect(await rowCounts(database.db, [setup.platform.id])).toEqual(before);
  });

  it.each([
    ["subject", `,"subject":"s${CUT}"`, "events[0].subject"],
    ["data value", `,"data":{"prompt":"p${CUT}"}`, "events[0].data.prompt"],
    ["data key deep inside", `,"data":{"a":[{"k${CUT}":1}]}`, `events[0].data.a[0].k\ud83d`],
    ["NUL in data", `,"data":{"a":"\\u0000"}`, "events[0].data.a"],
  ])("an event's %s that the database cannot hold is a 422 and nothing is stored", async (_label, extra, field) => {
    const before = await rowCounts(database.db, [setup.platform.id]);
    const res = await post("/api/v1/events", event(`ok-${eventId()}`, extra));
    expect(res.status, res.text).toBe(422);
    expect(Object.keys(res.json.errors)).toEqual([field]);
    expect(await rowCounts(database.db, [setup.platform.id])).toEqual(before);
  });

  it("a query parameter or a path segment with NUL is a 422, not a database error", async () => {
    for (const path of ["/api/v1/events?customer_id=%00", "/api/v1/customers/%00", `/api/v1/customers/${customerId}/wallet/%00`, "/api/v1/events/a%00b"]) {
      const res = await callApi("GET", path, { key: setup.key });
      expect(res.status, `${path}: ${res.text}`).toBe(422);
    }
  });

  it("an id longer than 255 characters is a 422, in a body and in the path", async () => {
    const long = "x".repeat(256);
    expect((await post("/api/v1/events", event(long))).status).toBe(422);
    expect((await callApi("GET", `/api/v1/events/${long}`, { key: setup.key })).status).toBe(422);
    expect((await post("/api/v1/events", event("x".repeat(255)))).json.billed).toBe(1);
  });
});
