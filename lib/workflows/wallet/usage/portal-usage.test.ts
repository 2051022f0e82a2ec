import { afterAll, describe, expect, it } from "vitest";
import { advanceClock, freezeClock, resetClock } from "@/lib/kernel/clock";
import type { Database } from "@/lib/kernel/db";
import { billingSuite, eventId, sendEvents, subscribedCustomer, type BillingSetup } from "@/test/support/billing-fixtures";
import { callApi } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import type { CustomerScope } from "@/lib/kernel/scope";
import { balanceViews } from "@/lib/workflows/wallet/balance-views";
import { cachedSpend } from "@/lib/workflows/wallet/spend/spend-cache";
import { spendSeries } from "@/lib/workflows/wallet/spend/spend-series";
import { findRollupDrift } from "@/lib/workflows/wallet/spend/rollup-check";
import { spendFigures } from "@/lib/workflows/wallet/spend/spend-summary";
import { usageFiltersSchema } from "./filters";
import { listUsage } from "./list-usage";

const NOW = new Date("2026-11-20T12:00:00Z");

describe.each(testDatabases())("portal usage and spend on $name", (target) => {
  let database: Database;
  let setup: BillingSetup;
  let scope: CustomerScope;
  billingSuite(target, ["multimodel", "video", "images"], async (db, s) => {
    database = db;
    setup = s;
    const customerId = await subscribedCustomer(s.key, ["chat_multimodel", "video_gen_std", "image_gen_std"]);
    scope = { ...s.platform.scope, customerId };
    await callApi("POST", `/api/v1/customers/${customerId}/wallet/adjustments`, { key: s.key, body: { transaction_id: `fund-${customerId}`, asset: "USD", amount: 500, reason: "external_topup" } });
    await callApi("POST", `/api/v1/customers/${customerId}/wallet/adjustments`, { key: s.key, body: { transaction_id: `fund-c-${customerId}`, asset: "CREDIT", amount: 200, reason: "gift" } });
    const at = (iso: string) => new Date(iso).toISOString();
    const res = await sendEvents(s.key, customerId, [
      { id: eventId(), event_type: "model_message", occurred_at: at("2026-10-31T23:30:00Z"), subject: "chat-1", description: "Long answer", data: { total_tokens: 2000, model: "gpt-4" } },
      { id: eventId(), event_type: "model_message", occurred_at: at("2026-11-18T10:00:00Z"), subject: "chat-2", data: { total_tokens: 2000, model: "gpt-3.5" } },
      { id: eventId(), event_type: "video_generated", occurred_at: at("2026-11-19T09:00:00Z"), subject: "video-1", data: { video_id: "v1" } },
      { id: eventId(), event_type: "image_generated", occurred_at: at("2026-11-19T10:00:00Z"), subject: "image-1", data: {} },
      { id: eventId(), event_type: "unknown_thing", occurred_at: at("2026-11-19T11:00:00Z"), subject: "ignored", data: {} },
    ]);
    expect(res.status, res.text).toBeLessThan(300);
    freezeClock(NOW);
  });
  afterAll(() => resetClock());

  it("lists billed usage newest first with fee details and the balance after", async () => {
    const page = await listUsage(database.db, scope, usageFiltersSchema.parse({}), "UTC");
    expect(page.items.map((u) => u.subject)).toEqual(["image-1", "video-1", "chat-2", "chat-1"]);
    const gpt4 = page.items[3]!;
    expect(gpt4.productName).toBe("Multi-Model Chat");
    expect(gpt4.description).toBe("Long answer");
    expect(gpt4.charges).toEqual([{ asset: "USD", amount: "60", balanceAfter: expect.any(String) }]);
    expect(gpt4.fees[0]).toMatchObject({ priceName: "GPT-4 Tokens", dimensions: { model: "gpt-4" }, quantity: "2000", volumeRate: "0.03", amount: "60", asset: "USD" });
    const image = page.items[0]!;
    expect(image.charges).toEqual([{ asset: "CREDIT", amount: "10", balanceAfter: "190" }]);
  });

  it("filters by local date range and by product, and pages by cursor", async () => {
    const berlin = await listUsage(database.db, scope, usageFiltersSchema.parse({ from: "2026-11-01", to: "2026-11-18" }), "Europe/Berlin");
    expect(berlin.items.map((u) => u.subject)).toEqual(["chat-2", "chat-1"]);
    const utc = await listUsage(database.db, scope, usageFiltersSchema.parse({ from: "2026-11-01", to: "2026-11-18" }), "UTC");
    expect(utc.items.map((u) => u.subject)).toEqual(["chat-2"]);
    const video = await listUsage(database.db, scope, usageFiltersSchema.parse({ product: setup.products.video!.id }), "UTC");
    expect(video.items.map((u) => u.subject)).toEqual(["video-1"]);
    const first = await listUsage(database.db, scope, usageFiltersSchema.parse({ limit: 3 }), "UTC");
    const rest = await listUsage(database.db, scope, usageFiltersSchema.parse({ limit: 3, cursor: first.nextCursor }), "UTC");
    expect([...first.items, ...rest.items].map((u) => u.subject)).toEqual(["image-1", "video-1", "chat-2", "chat-1"]);
    expect(rest.nextCursor).toBeNull();
  });

  it("buckets spend by local day and product, and fills empty days", async () => {
    const series = await spendSeries(database.db, scope, "USD", "7d", "day", "UTC");
    expect(series.first).toBe("2026-11-14");
    expect(series.last).toBe("2026-11-20");
    expect(series.points.find((p) => p.bucket === "2026-11-18")!.total).toBe("2");
    expect(series.points.find((p) => p.bucket === "2026-11-19")!.total).toBe("2.5");
    expect(series.total).toBe("4.5");
    expect(series.products.map((p) => p.name)).toEqual(["AI Video Generation", "Multi-Model Chat"]);
    const month = await spendSeries(database.db, scope, "USD", "90d", "month", "Europe/Berlin");
    expect(month.points.map((p) => [p.bucket, p.total])).toEqual([["2026-08-01", "0"], ["2026-09-01", "0"], ["2026-10-01", "0"], ["2026-11-01", "64.5"]]);
  });

  it("knows what was spent this month in the customer's timezone and how long the balance lasts", async () => {
    const balances = await balanceViews(database.db, scope);
    const utc = await spendFigures(database.db, scope, balances, "UTC");
    expect(utc["default:USD"]!.spentThisMonth).toBe("4.5");
    const berlin = await spendFigures(database.db, scope, balances, "Europe/Berlin");
    expect(berlin["default:USD"]!.spentThisMonth).toBe("64.5");
    expect(utc["default:USD"]!.runwayDays).toBe(Math.floor(435.5 / (4.5 / 7)));
    expect(utc["default:CREDIT"]).toEqual({ spentThisMonth: "10", runwayDays: 133 });
  });

  it("keeps the spend rollups equal to the fees, with replays billing nothing", async () => {
    const event = { id: eventId(), event_type: "video_generated", occurred_at: new Date("2026-11-19T09:05:00Z").toISOString(), subject: "video-2", data: { video_id: "v2" } };
    expect((await sendEvents(setup.key, scope.customerId, [event])).status).toBeLessThan(300);
    expect((await sendEvents(setup.key, scope.customerId, [event])).status).toBeLessThan(300);
    expect(await findRollupDrift(database.db, scope.platformId)).toEqual([]);
    const series = await spendSeries(database.db, scope, "USD", "7d", "day", "UTC");
    expect(series.points.find((p) => p.bucket === "2026-11-19")!.total).toBe("5");
  });

  it("computes a spend aggregate once per change of the customer's ledger and per 15-minute slot", async () => {
    let runs = 0;
    const compute = async () => ++runs;
    const what = `test:${eventId()}`;
    expect(await Promise.all([cachedSpend(database.db, scope, what, compute), cachedSpend(database.db, scope, what, compute)])).toEqual([1, 1]);
    expect(await cachedSpend(database.db, scope, what, compute)).toBe(1);
    const adjust = { transaction_id: `cache-${eventId()}`, asset: "CREDIT", amount: 1, reason: "gift" };
    expect((await callApi("POST", `/api/v1/customers/${scope.customerId}/wallet/adjustments`, { key: setup.key, body: adjust })).status).toBeLessThan(300);
    expect(await cachedSpend(database.db, scope, what, compute)).toBe(2);
    advanceClock(15 * 60_000);
    expect(await cachedSpend(database.db, scope, what, compute)).toBe(3);
    await expect(cachedSpend(database.db, scope, `${what}:failing`, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await cachedSpend(database.db, scope, `${what}:failing`, compute)).toBe(4);
    freezeClock(NOW);
  });
});
