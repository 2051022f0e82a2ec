import { describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { jsonDepth } from "@/lib/kernel/json";
import { callApi } from "@/test/support/api-client";
import { billingSuite, eventId, subscribedCustomer, type BillingSetup } from "@/test/support/billing-fixtures";
import { testDatabases } from "@/test/support/databases";
import { rowCounts } from "@/test/support/row-counts";

const nested = (levels: number, leaf = "1") => `${'{"a":'.repeat(levels - 1)}{"a":${leaf}}${"}".repeat(levels - 1)}`;

describe("jsonDepth counts nesting without parsing", () => {
  it.each([
    ["a number", "1", 0],
    ["mixed containers", '{"a":[1,{"b":[]}]}', 4],
    ["brackets and escaped quotes inside strings", '["{[[[", "\\"{{"]', 1],
    ["5,000 levels", nested(5_000), 5_000],
  ])("%s", (_label, text, depth) => {
    expect(jsonDepth(text)).toBe(depth);
  });
});

describe.each(testDatabases())("free-form JSON bounded at the door on $name", (target) => {
  let database: Database;
  let setup: BillingSetup;
  let customerId: string;
  billingSuite(target, ["video"], async (db, s) => {
    database = db;
    setup = s;
    customerId = await subscribedCustomer(s.key, ["video_gen_std"]);
  });

  const send = (id: string, data: string) =>
    callApi("POST", "/api/v1/events", { key: setup.key, raw: `{"customer_id":"${customerId}","events":[{"id":"${id}","event_type":"video_generated","data":${data}}]}` });

  it("an event whose data nests 4,000 levels is refused, and the platform's events stay readable (they answered 500 forever)", async () => {
    const before = await rowCounts(database.db, [setup.platform.id]);
    const id = eventId("deep");
    const res = await send(id, nested(4_000));
    expect(res.status, res.text.slice(0, 200)).toBe(400);
    expect(res.json.detail).toMatch(/nested deeper than 64 levels/);
    expect(await rowCounts(database.db, [setup.platform.id])).toEqual(before);
    expect((await callApi("GET", `/api/v1/events/${id}`, { key: setup.key })).status).toBe(404);
    expect((await callApi("GET", "/api/v1/events", { key: setup.key })).status).toBe(200);
  });

  it("data may nest 16 levels and reads back exactly; 17 is a 422 naming the field", async () => {
    const ok = eventId("d16");
    expect((await send(ok, nested(16, "12.50"))).json.billed).toBe(1);
    const read = await callApi("GET", `/api/v1/events/${ok}`, { key: setup.key });
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.json.data)).toBe(JSON.stringify(JSON.parse(nested(16, "12.5"))));
    expect(read.text).toContain('{"a":12.50}');
    const deep = await send(eventId("d17"), nested(17));
    expect(deep.status).toBe(422);
    expect(deep.json.errors["events[0].data"]).toEqual(["Nested deeper than 16 levels."]);
  });

  it("data larger than 32 KiB, or holding a number no database returns unchanged, is a 422", async () => {
    const big = await send(eventId("big"), JSON.stringify({ text: "x".repeat(33_000) }));
    expect(big.json.errors?.["events[0].data"]).toEqual(["Larger than 32768 bytes of JSON."]);
    for (const number of ["1e400", "-1e99999", `1${"0".repeat(80)}`]) {
      const res = await send(eventId("num"), `{"n":${number}}`);
      expect(res.json.errors?.["events[0].data"], `${number}: ${res.text}`).toEqual(["Holds a number out of range."]);
    }
    expect((await send(eventId("fine"), '{"tokens":1.5e3,"ratio":-0.000001}')).json.billed).toBe(1);
  });

  it("every body, not only event data, is parsed only up to 64 levels", async () => {
    const res = await callApi("POST", "/api/v1/customers", { key: setup.key, raw: `{"name":"Ada","metadata":${nested(65, '"x"')}}` });
    expect(res.status).toBe(400);
    const shallow = await callApi("POST", "/api/v1/customers", { key: setup.key, raw: `{"name":"Ada","metadata":${nested(3, '"x"')}}` });
    expect(shallow.status).toBe(422);
  });
});
