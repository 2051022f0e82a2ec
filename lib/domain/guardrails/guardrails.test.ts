import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { advanceClock } from "@/lib/kernel/clock";
import { findLedgerViolations } from "@/lib/domain/ledger";
import { callApi } from "@/test/support/api-client";
import { billingSuite, eventId, sendEvents, subscribedCustomer, type BillingSetup } from "@/test/support/billing-fixtures";
import { testDatabases } from "@/test/support/databases";

const inHour = () => new Date(Date.now() + 3600_000).toISOString();

describe.each(testDatabases())("guardrails on $name", (target) => {
  let database: Database;
  let setup: BillingSetup;
  billingSuite(target, ["video", "multimodel"], (d, s) => {
    database = d;
    setup = s;
  });

  async function funded(amount: number) {
    const customerId = await subscribedCustomer(setup.key, ["video_gen_std"]);
    const base = `/api/v1/customers/${customerId}/wallet`;
    const top = await callApi("POST", `${base}/adjustments`, { key: setup.key, body: { transaction_id: eventId("t"), asset: "USD", amount, reason: "gift" } });
    expect(top.status).toBe(201);
    return { customerId, base };
  }
  const video = (extra: Record<string, unknown> = {}) => ({ id: eventId(), event_type: "video_generated", data: { video_id: eventId("v") }, ...extra });

  it("reserves, shows pending_out, settles with the event's fee and releases the rest", async () => {
    const { customerId, base } = await funded(10);
    const key = setup.key;
    const hold = await callApi("POST", `${base}/holds`, { key, body: { asset: "USD", amount: 4, subject: "Render 4K", expires_at: inHour() } });
    expect(hold.status, hold.text).toBe(201);
    expect(hold.json).toMatchObject({ status: "active", amount: 4, subject: "Render 4K", account_id: "default:USD" });
    const account = await callApi("GET", `${base}/default:USD`, { key });
    expect(account.json).toMatchObject({ available: 6, pending_out: 4 });
    expect((await callApi("GET", `${base}/holds`, { key })).json).toMatchObject({ total_count: 1, items: [{ id: hold.json.id }] });
    const settled = await sendEvents(key, customerId, [video({ hold_id: hold.json.id })]);
    expect(settled.json.items[0].status, settled.text).toBe("billed");
    const after = await callApi("GET", `${base}/holds/${hold.json.id}`, { key });
    expect(after.json).toMatchObject({ status: "settled", settled_amount: 2.5 });
    expect((await callApi("GET", `${base}/default:USD`, { key })).json).toMatchObject({ available: 7.5, pending_out: 0 });
    expect(await findLedgerViolations(database.db, setup.platform.id)).toEqual([]);
  });

  it("replays a hold retried with its Idempotency-Key, once however many retries race, and refuses the key with another request", async () => {
    const { base } = await funded(10);
    const key = setup.key;
    const body = { asset: "USD", amount: 3, subject: "Batch 7", expires_at: inHour() };
    const headers = { "idempotency-key": `hold-${eventId()}` };
    const tries = await Promise.all(Array.from({ length: 8 }, () => callApi("POST", `${base}/holds`, { key, body, headers })));
    expect(tries.map((t) => t.status)).toEqual(Array(8).fill(201));
    expect(new Set(tries.map((t) => t.json.id)).size).toBe(1);
    expect(tries.filter((t) => t.headers.get("idempotent-replayed") === "true")).toHaveLength(7);
    expect((await callApi("GET", `${base}/default:USD`, { key })).json).toMatchObject({ available: 7, pending_out: 3 });
    const other = await callApi("POST", `${base}/holds`, { key, body: { ...body, amount: 4 }, headers });
    expect(other.status, other.text).toBeGreaterThanOrEqual(400);
    expect(other.json.errors["Idempotency-Key"]).toBeDefined();
    expect((await callApi("GET", `${base}/holds`, { key })).json.total_count).toBe(1);
  });

  it("releases on DELETE, lapses at expiry, and answers 404 for another customer's hold", async () => {
    const a = await funded(10);
    const b = await funded(10);
    const key = setup.key;
    const hold = await callApi("POST", `${a.base}/holds`, { key, body: { asset: "USD", amount: 3, expires_at: inHour() } });
    expect((await callApi("GET", `${b.base}/holds/${hold.json.id}`, { key })).status).toBe(404);
    expect((await callApi("DELETE", `${b.base}/holds/${hold.json.id}`, { key })).status).toBe(404);
    const foreign = await sendEvents(key, b.customerId, [video({ hold_id: hold.json.id })]);
    expect(foreign.json.items[0]).toMatchObject({ status: "rejected", reason_code: "hold_not_found" });
    const released = await callApi("DELETE", `${a.base}/holds/${hold.json.id}`, { key });
    expect(released.json.status).toBe("released");
    const lapsing = await callApi("POST", `${a.base}/holds`, { key, body: { asset: "USD", amount: 2, expires_at: new Date(Date.now() + 60_000).toISOString() } });
    expect((await callApi("GET", `${a.base}/default:USD`, { key })).json.pending_out).toBe(2);
    advanceClock(61_000);
    expect((await callApi("GET", `${a.base}/default:USD`, { key })).json.pending_out).toBe(0);
    expect((await callApi("GET", `${a.base}/holds/${lapsing.json.id}`, { key })).json.status).toBe("expired");
    advanceClock(-61_000);
  });

  it("refuses holds and events over a hard stop, and alerts each threshold once", async () => {
    const { customerId, base } = await funded(100);
    const key = setup.key;
    const put = await callApi("PUT", `${base}/default:USD/budget`, { key, body: { limit: 10, period: "month", thresholds: [50, 80], hard_stop: true } });
    expect(put.status, put.text).toBe(200);
    expect(put.json).toMatchObject({ limit: 10, hard_stop: true, current_period: { spent: 0, held: 0 } });
    const first = await sendEvents(key, customerId, [video(), video(), video()]);
    expect(first.json.items.map((i: { status: string }) => i.status)).toEqual(["billed", "billed", "billed"]);
    const over = await callApi("POST", `${base}/holds`, { key, body: { asset: "USD", amount: 3, expires_at: inHour() } });
    expect(over.status).toBe(409);
    expect(over.json.code).toBe("budget_exceeded");
    const budget = await callApi("GET", `${base}/default:USD/budget`, { key });
    expect(budget.json.current_period).toMatchObject({ spent: 7.5, thresholds_reached: [50] });
    const fits = await callApi("POST", `${base}/holds`, { key, body: { asset: "USD", amount: 2.5, expires_at: inHour() } });
    expect(fits.status).toBe(201);
    const refused = await sendEvents(key, customerId, [video(), video()]);
    expect(refused.json.items.map((i: { status: string }) => i.status)).toEqual(["rejected", "rejected"]);
    expect(refused.json.items[0].reason_code).toBe("budget_exceeded");
    expect((await sendEvents(key, customerId, [video({ hold_id: fits.json.id })])).json.items[0].status).toBe("billed");
    const alerts = rowsOf<{ threshold: number }>(
      await database.db.execute(sql`SELECT (data->>'threshold')::int AS threshold FROM webhook_events WHERE type = 'budget.threshold_reached' AND data->>'customer_id' = ${customerId} ORDER BY 1`),
    );
    expect(alerts.map((a) => a.threshold)).toEqual([50, 80]);
    expect((await callApi("GET", `${base}/default:USD`, { key })).json.available).toBe(90);
  });

  it("scopes a budget to a lane: only events with the lane's dimension value count and are refused", async () => {
    const customerId = await subscribedCustomer(setup.key, ["chat_multimodel"]);
    const key = setup.key;
    const base = `/api/v1/customers/${customerId}/wallet`;
    const gpt4 = (tokens: number) => ({ id: eventId(), event_type: "model_message", data: { model: "gpt-4", total_tokens: tokens } });
    const gpt35 = (tokens: number) => ({ id: eventId(), event_type: "model_message", data: { model: "gpt-3.5", total_tokens: tokens } });
    expect((await sendEvents(key, customerId, [gpt4(100)])).json.items[0].status).toBe("billed");
    const put = await callApi("PUT", `${base}/default:USD/budget`, { key, body: { limit: 5, hard_stop: true, lane: { dimension: "model", value: "gpt-4" } } });
    expect(put.json).toMatchObject({ lane: { dimension: "model", value: "gpt-4" }, current_period: { spent: 3 } });
    const mixed = await sendEvents(key, customerId, [gpt35(3000), gpt4(50), gpt4(50)]);
    expect(mixed.json.items.map((i: { status: string }) => i.status)).toEqual(["billed", "billed", "rejected"]);
    const budget = await callApi("GET", `${base}/default:USD/budget`, { key });
    expect(budget.json.current_period.spent).toBe(4.5);
    expect((await callApi("GET", `${base}/default:USD`, { key })).json.available).toBe(-7.5);
  });

  it("refuses a hold the available balance cannot cover where the platform allows no overdraft", async () => {
    const { base } = await funded(5);
    const key = setup.key;
    const settings = await callApi("PUT", "/api/v1/platform/settings", { key, body: { guardrails: { holds: { no_overdraft_assets: ["USD"] } } } });
    expect(settings.status, settings.text).toBe(200);
    expect((await callApi("POST", `${base}/holds`, { key, body: { asset: "USD", amount: 4, expires_at: inHour() } })).status).toBe(201);
    const short = await callApi("POST", `${base}/holds`, { key, body: { asset: "USD", amount: 2, expires_at: inHour() } });
    expect(short.status).toBe(409);
    expect(short.json).toMatchObject({ code: "insufficient_funds" });
    await callApi("PUT", "/api/v1/platform/settings", { key, body: {} });
  });
});
