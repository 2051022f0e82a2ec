import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { freezeClock, resetClock } from "@/lib/kernel/clock";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { dec } from "@/lib/kernel/money";
import type { CustomerScope } from "@/lib/kernel/scope";
import { exchangeToken } from "@/lib/domain/portal-sessions/exchange-token";
import { mintPortalLink } from "@/lib/domain/portal-sessions/create-session-link";
import { callApi } from "@/test/support/api-client";
import { billingSuite, eventId, sendEvents, setupBilling, subscribedCustomer, type BillingSetup } from "@/test/support/billing-fixtures";
import { testDatabases } from "@/test/support/databases";
import { listUsage } from "@/lib/workflows/wallet/usage/list-usage";
import { usageFiltersSchema } from "@/lib/workflows/wallet/usage/filters";
import { spendByLane, type LaneSpendRequest } from "./lane-spend";
import { LANE_TOP, LANE_VALUE_MAX } from "./lane-sql";

const NOW = new Date("2026-11-20T12:00:00Z");
const LANES = [{ dimension: "model", label: "Model" }, { dimension: "api_key", label: "API key" }];
const WINDOW = { from: "2026-11-01", until: "2026-11-21", bucket: "day", timeZone: "UTC" } as const;
const SECRET = "alice@secret.example";

/** A customer of `s` with USD and credits, charged for the given events (sent in one request). */
async function customerWith(s: BillingSetup, events: Record<string, unknown>[]): Promise<CustomerScope> {
  const customerId = await subscribedCustomer(s.key, ["chat_multimodel", "video_gen_std", "image_gen_std"]);
  const fund = (asset: string, amount: number) =>
    callApi("POST", `/api/v1/customers/${customerId}/wallet/adjustments`, { key: s.key, body: { transaction_id: `fund-${asset}-${customerId}`, asset, amount, reason: "gift" } });
  await fund("USD", 1000);
  await fund("CREDIT", 1000);
  for (let i = 0; i < events.length; i += 100) expect((await sendEvents(s.key, customerId, events.slice(i, i + 100))).status).toBeLessThan(300);
  return { ...s.platform.scope, customerId };
}

const chat = (model: string, data: Record<string, unknown>, day = "2026-11-18") => ({
  id: eventId(), event_type: "model_message", occurred_at: `${day}T10:00:00.000Z`, data: { total_tokens: 2000, model, ...data },
});
const video = (data: Record<string, unknown>) => ({ id: eventId(), event_type: "video_generated", occurred_at: "2026-11-19T09:00:00.000Z", data: { video_id: eventId("v"), ...data } });
const image = (data: Record<string, unknown>) => ({ id: eventId(), event_type: "image_generated", occurred_at: "2026-11-19T10:00:00.000Z", data });

/** The usage fees debited from the customer's account in an asset, summed by the ledger itself. */
async function ledgerDebits(database: Database, scope: CustomerScope, asset: string): Promise<string> {
  const [row] = rowsOf<{ total: string }>(
    await database.db.execute(sql`SELECT coalesce(-sum(amount), 0)::text AS total FROM ledger_entries
      WHERE customer_id = ${scope.customerId} AND asset_code = ${asset} AND category = 'usage_fee' AND amount < 0`),
  );
  return dec(row!.total).toString();
}

const totalsOf = (spend: Awaited<ReturnType<typeof spendByLane>>) => Object.fromEntries(spend.totals.map((t) => [t.value ?? t.kind, t.total]));

describe.each(testDatabases())("spend lanes on $name", (target) => {
  let database: Database;
  let setup: BillingSetup;
  let scope: CustomerScope;
  billingSuite(target, ["multimodel", "video", "images"], async (db, s) => {
    database = db;
    setup = s;
    expect((await callApi("PUT", "/api/v1/platform/settings", { key: s.key, body: { spend_lanes: LANES } })).status).toBe(200);
    scope = await customerWith(s, [
      chat("gpt-4", { api_key: "key-prod", member: SECRET }),
      chat("gpt-3.5", { api_key: "key-dev", member: SECRET }),
      chat("gpt-4", { api_key: "key-dev" }, "2026-11-19"),
      video({ api_key: "key-prod", member: SECRET }),
      image({ api_key: "key-dev", model: "sdxl" }),
    ]);
    // Another customer of the same platform and a customer of another platform, on the same models and keys.
    await customerWith(s, [chat("gpt-4", { api_key: "key-prod" }), chat("gpt-4", { api_key: "key-dev" })]);
    const other = await setupBilling(db.db, ["multimodel", "video", "images"]);
    await callApi("PUT", "/api/v1/platform/settings", { key: other.key, body: { spend_lanes: LANES } });
    await customerWith(other, [chat("gpt-4", { api_key: "key-prod" })]);
    freezeClock(NOW);
  });
  afterAll(() => resetClock());

  const by = (dimension: string, extra: Partial<LaneSpendRequest> = {}) => spendByLane(database.db, scope, { by: dimension, asset: "USD", ...WINDOW, ...extra });

  it("totals each lane value exactly, and the totals equal the ledger's usage debits", async () => {
    const model = await by("model");
    expect(totalsOf(model)).toEqual({ "gpt-4": "120", "gpt-3.5": "2", none: "2.5" });
    expect(model.series.total).toBe(await ledgerDebits(database, scope, "USD"));
    expect(model.series.points.find((p) => p.bucket === "2026-11-19")!.total).toBe("62.5");
    const keys = await by("api_key");
    expect(totalsOf(keys)).toEqual({ "key-prod": "62.5", "key-dev": "62" });
    const credits = await by("model", { asset: "CREDIT" });
    expect(totalsOf(credits)).toEqual({ sdxl: "10" });
    expect(credits.series.total).toBe(await ledgerDebits(database, scope, "CREDIT"));
  });

  it("filters by a lane value, on the same lane or another, and composes with the product", async () => {
    expect(totalsOf(await by("model", { lane: "api_key", laneValue: "key-dev" }))).toEqual({ "gpt-4": "60", "gpt-3.5": "2" });
    expect(totalsOf(await by("api_key", { lane: "model", laneValue: "gpt-4" }))).toEqual({ "key-prod": "60", "key-dev": "60" });
    expect(totalsOf(await by("api_key", { product: setup.products.video!.id }))).toEqual({ "key-prod": "2.5" });
    expect((await by("model", { lane: "model", laneValue: "no-such-model" })).totals).toEqual([]);
    const usage = await listUsage(database.db, scope, usageFiltersSchema.parse({ lane: "api_key", lane_value: "key-prod" }), "UTC");
    expect(usage.items.map((u) => u.lanes)).toEqual([{ api_key: "key-prod" }, { api_key: "key-prod", model: "gpt-4" }]);
  });

  it("never breaks down, filters or lists by a dimension the platform did not mark visible", async () => {
    await expect(by("member")).rejects.toThrow("Spend lane not found.");
    await expect(by("model", { lane: "member", laneValue: SECRET })).rejects.toThrow("Spend lane not found.");
    await expect(listUsage(database.db, scope, usageFiltersSchema.parse({ lane: "member", lane_value: SECRET }), "UTC")).rejects.toThrow("Spend lane not found.");
    const usage = await listUsage(database.db, scope, usageFiltersSchema.parse({}), "UTC");
    expect(JSON.stringify(usage)).not.toContain(SECRET);
    const portal = await portalOf(database, scope);
    for (const path of ["/api/portal/spend/lanes?by=member", `/api/portal/spend/lanes?by=model&lane=member&lane_value=${encodeURIComponent(SECRET)}`, `/api/portal/usage?lane=member&lane_value=x`]) {
      const res = await portal(path);
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain(SECRET);
    }
    const csv = await portal("/api/portal/usage/export");
    expect(csv.text.split("\r\n")[0]).toBe("date,event_id,product,subject,description,asset,amount,model,api_key");
    expect(csv.text).not.toContain(SECRET);
    expect(csv.text).toContain(",USD,60,gpt-4,key-prod");
  });

  it("bounds hostile values: any text, very long, very many, and never fails", async () => {
    const long = "Ω".repeat(5000);
    const odd = ["🙂‍↔️ emoji", "עברית ‏rtl", "\u202Ebidi", "a,b\"c\r\nd", "=cmd()", long, " ", "", "0", "true"];
    const many = Array.from({ length: 150 }, (_, i) => video({ api_key: i < odd.length ? odd[i] : `k-${i}` }));
    const hostile = await customerWith(setup, many);
    const spend = await spendByLane(database.db, hostile, { by: "api_key", asset: "USD", ...WINDOW });
    expect(spend.totals.length).toBe(LANE_TOP + 1);
    expect(spend.totals.at(-1)).toMatchObject({ kind: "other", fees: 150 - LANE_TOP });
    expect(spend.series.total).toBe("375");
    expect(spend.series.total).toBe(await ledgerDebits(database, hostile, "USD"));
    const filtered = await spendByLane(database.db, hostile, { by: "api_key", asset: "USD", ...WINDOW, lane: "api_key", laneValue: long });
    expect(filtered.totals).toEqual([expect.objectContaining({ value: long.slice(0, LANE_VALUE_MAX), total: "2.5" })]);
    const portal = await portalOf(database, hostile);
    for (const value of [long, "%00", "\u0000", "' OR 1=1 --", "x".repeat(100_000)]) {
      const res = await portal(`/api/portal/spend/lanes?by=api_key&lane=api_key&lane_value=${encodeURIComponent(value)}`);
      expect(res.status, value.slice(0, 20)).toBeLessThan(500);
    }
    const res = await portal(`/api/portal/usage/export?lane=api_key&lane_value=${encodeURIComponent(odd[3]!)}`);
    expect(res.text.endsWith(',USD,2.5,,"a,b""c\r\nd"\r\n'), res.text).toBe(true);
  });
});

async function portalOf(database: Database, scope: CustomerScope) {
  const link = await mintPortalLink(database.db, scope, { customerId: scope.customerId, returnUrl: "https://app.example.com/r", failureUrl: "https://app.example.com/f" });
  const result = await exchangeToken(database.db, new URL(link.redirectUrl).searchParams.get("token")!);
  if (result.kind !== "session") throw new Error(`sign-in failed: ${result.kind}`);
  const headers = { cookie: `billfold_session=${result.sessionId}`, origin: "http://portal.test", "sec-fetch-site": "same-origin" };
  return (path: string) => callApi("GET", path, { headers });
}
