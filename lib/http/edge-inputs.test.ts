import { describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { openDatabase } from "@/lib/kernel/db/open";
import { callApi, useDatabase } from "@/test/support/api-client";
import { billingSuite, eventId, subscribedCustomer, type BillingSetup } from "@/test/support/billing-fixtures";
import { testDatabases } from "@/test/support/databases";
import { portalSession } from "@/test/support/payments-fixtures";
import { rowCounts } from "@/test/support/row-counts";
import { useTestProvider } from "@/test/support/stripe-env";

/** Instants outside 1970–9999, days that do not exist, and offsets that push the end of 9999 into 10000. */
const BAD_TIMES = ["0000-01-01T00:00:00Z", "9999-12-31T23:59:59-23:59", "2026-02-30T00:00:00Z", "1969-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "+275760-09-13T00:00:00Z"];

const cursor = (text: string) => Buffer.from(text).toString("base64url");

describe.each(testDatabases())("inputs at the edges on $name", (target) => {
  let database: Database;
  let setup: BillingSetup;
  let customerId: string;
  billingSuite(target, ["video"], async (db, s) => {
    database = db;
    setup = s;
    useTestProvider();
    customerId = await subscribedCustomer(s.key, ["video_gen_std"]);
    await callApi("POST", `/api/v1/customers/${customerId}/wallet/adjustments`, { key: s.key, body: { transaction_id: "fund", asset: "USD", amount: 50, reason: "gift" } });
  });

  const requests = (time: string): [string, string, unknown][] => [
    ["events", "/api/v1/events", { customer_id: customerId, events: [{ id: eventId(), event_type: "video_generated", occurred_at: time }] }],
    ["rates", "/api/v1/assets/CREDIT/rates", { source: "USD", rate: 0.2, effective_at: time }],
    ["new asset's rates", "/api/v1/assets", { code: `E${Math.floor(Math.random() * 1e6)}`, name: "E", precision: 0, rates: [{ source: "USD", rate: 1, effective_at: time }] }],
    ["adjustments", `/api/v1/customers/${customerId}/wallet/adjustments`, { transaction_id: eventId(), asset: "USD", amount: 5, reason: "gift", expires_at: time }],
    ["coupons", "/api/v1/coupons", { code: `C${Math.floor(Math.random() * 1e9)}`, kind: "credit_grant", expires_at: time, credit_grant: { asset: "USD", amount: 1 } }],
    ["coupon grants", "/api/v1/coupons", { code: `G${Math.floor(Math.random() * 1e9)}`, kind: "credit_grant", credit_grant: { asset: "USD", amount: 1, grant_expires_at: time } }],
    ["top-ups", "/api/v1/top-ups", { customer_id: customerId, amount: 10, currency: "USD", credit_expires_at: time }],
  ];

  it.each(BAD_TIMES.flatMap((time) => requests(time).map(([what, path, body]) => [`${what}: ${time}`, path, body] as const)))(
    "%s → 422, nothing written",
    async (_label, path, body) => {
      const before = await rowCounts(database.db, [setup.platform.id]);
      const res = await callApi("POST", path, { key: setup.key, body });
      expect(res.status, res.text).toBe(422);
      expect(JSON.stringify(res.json.errors)).toMatch(/1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z|ISO-8601/);
      expect(await rowCounts(database.db, [setup.platform.id])).toEqual(before);
    },
  );

  it("the last instant of 9999 is a valid expiry, and everything that shows it afterwards still works", async () => {
    const res = await callApi("POST", `/api/v1/customers/${customerId}/wallet/adjustments`, {
      key: setup.key,
      body: { transaction_id: eventId(), asset: "USD", amount: 5, reason: "gift", expires_at: "9999-12-31T23:59:59.999Z" },
    });
    expect(res.status, res.text).toBe(201);
    for (const path of [`/api/v1/customers/${customerId}/wallet`, `/api/v1/customers/${customerId}/wallet/default:USD/grants`, `/api/v1/customers/${customerId}/wallet/default:USD/transactions`]) {
      expect((await callApi("GET", path, { key: setup.key })).status, path).toBe(200);
    }
    const portal = await portalSession(database, { platform: setup.platform, key: setup.key, customerId, scope: { ...setup.platform.scope, customerId } });
    expect((await portal("GET", "/api/portal/credits")).status).toBe(200);
  });

  it("portal filters and cursors out of range are ignored, never a database error", async () => {
    const portal = await portalSession(database, { platform: setup.platform, key: setup.key, customerId, scope: { ...setup.platform.scope, customerId } });
    const queries = [
      "/api/portal/transactions?month=0000-01", "/api/portal/transactions?month=9999-12", "/api/portal/transactions?month=2026-13",
      "/api/portal/transactions/export?month=0000-01",
      "/api/portal/usage?from=0000-01-01", "/api/portal/usage?to=2026-02-30", "/api/portal/usage?from=9999-12-31&to=9999-12-31",
      ...["0000-01-01T00:00:00.000Z|1", "+275760-09-13T00:00:00.000Z|1", "2026-01-01T00:00:00.000Z|1e400", "2026-01-01T00:00:00.000Z|99999999999999999999", "x|1|2", "\u0000"].flatMap((c) => [
        `/api/portal/transactions?cursor=${cursor(c)}`,
        `/api/portal/usage?cursor=${cursor(c)}`,
      ]),
    ];
    for (const path of queries) {
      const res = await portal("GET", path);
      expect(res.status, `${path}: ${res.text.slice(0, 200)}`).toBe(200);
    }
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty"])("platform settings with currency %s → 422", async (currency) => {
    const res = await callApi("PUT", "/api/v1/platform/settings", { key: setup.key, raw: `{"currency":"${currency}","top_up":{"min_amount":5}}` });
    expect(res.status, res.text).toBe(422);
    expect(Object.keys(res.json.errors)).toEqual(["currency"]);
  });

  it("path segments: %25 is an id like any other, %00 a 422, and an escape that is not UTF-8 a 400 (as proxy.ts answers)", async () => {
    for (const [path, status] of [
      [`/api/v1/customers/${customerId}/wallet/%25/transactions`, 404],
      ["/api/v1/customers/%25", 404],
      [`/api/v1/customers/${customerId}/wallet/%00`, 422],
      ["/api/v1/customers/%ff", 400],
      ["/api/v1/events/%ED%A0%80", 400],
    ] as const) {
      expect((await callApi("GET", path, { key: setup.key })).status, path).toBe(status);
    }
  });

  it("a database that cannot be reached is a 503 with Retry-After on API and portal routes, not a 500", async () => {
    const portal = await portalSession(database, { platform: setup.platform, key: setup.key, customerId, scope: { ...setup.platform.scope, customerId } });
    const dead = target.name === "postgres" ? await openDatabase({ url: "postgresql://postgres@127.0.0.1:9/none", poolSize: 1, migrate: false }) : await target.open();
    if (target.name === "pglite") await dead.close();
    useDatabase(dead);
    try {
      for (const res of [await callApi("GET", "/api/v1/customers", { key: setup.key }), await portal("GET", "/api/portal/balances")]) {
        expect(res.status, res.text).toBe(503);
        expect(res.headers.get("retry-after")).toBe("5");
        expect(res.json.title).toBe("Service Unavailable");
      }
    } finally {
      useDatabase(database);
      if (target.name === "postgres") await dead.close();
    }
  });
});
