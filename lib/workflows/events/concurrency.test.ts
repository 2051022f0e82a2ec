import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { findLedgerViolations } from "@/lib/domain/ledger";
import { dec } from "@/lib/kernel/money";
import { callApi } from "@/test/support/api-client";
import { eventId, sendEvents, billingSuite, subscribedCustomer, type BillingSetup } from "@/test/support/billing-fixtures";
import { testDatabases } from "@/test/support/databases";
import { processBatch } from "./process-batch";
import type { IngestRequest } from "./types";

function batch(size: number) {
  return Array.from({ length: size }, (_, i) => ({
    id: eventId("conc"),
    event_type: i % 2 === 0 ? "message_completed" : "video_generated",
    data: { total_tokens: 1000 + i },
  }));
}

/** Sum of each event's usage debits and of its fees, per event id, straight from the tables. */
async function billedPerEvent(database: Database, platformId: string) {
  const transfers = rowsOf<{ id: string; n: string; total: string }>(
    await database.db.execute(sql`SELECT reference_id AS id, count(*)::text AS n, sum(amount)::text AS total FROM ledger_transfers
      WHERE platform_id = ${platformId} AND category = 'usage_fee' GROUP BY reference_id`),
  );
  const fees = rowsOf<{ id: string; total: string }>(
    await database.db.execute(sql`SELECT e.id, sum(f.amount)::text AS total FROM event_fees f JOIN events e ON e.pk = f.event_pk
      WHERE f.platform_id = ${platformId} GROUP BY e.id`),
  );
  return { transfers: new Map(transfers.map((t) => [t.id, t])), fees: new Map(fees.map((f) => [f.id, f.total])) };
}

describe.each(testDatabases())("concurrent ingest on $name", (target) => {
  let database: Database;
  let setup: BillingSetup;
  billingSuite(target, ["video", "chat"], (d, s) => {
    database = d;
    setup = s;
  });

  async function expectBilledOnce(customerId: string, events: { id: string }[], expected: string) {
    const wallet = await callApi("GET", `/api/v1/customers/${customerId}/wallet/default:USD`, { key: setup.key });
    expect(dec(String(wallet.json.available)).eq(dec(expected).negated())).toBe(true);
    const { transfers, fees } = await billedPerEvent(database, setup.platform.id);
    for (const e of events) {
      expect(transfers.get(e.id)?.n).toBe("1");
      expect(dec(transfers.get(e.id)!.total).eq(dec(fees.get(e.id)!))).toBe(true);
    }
    expect(await findLedgerViolations(database.db, setup.platform.id)).toEqual([]);
  }

  it("bills a batch sent by 8 clients at once, and then twice more, exactly once", async () => {
    const customerId = await subscribedCustomer(setup.key, ["video_gen_std", "chat_service_std"]);
    const events = batch(60);
    const responses = await Promise.all(Array.from({ length: 8 }, () => sendEvents(setup.key, customerId, events)));
    expect(responses.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    for (const e of events) {
      const outcomes = responses.map((r) => r.json.items.find((i: { id: string }) => i.id === e.id).status);
      expect(outcomes.filter((s) => s === "billed")).toHaveLength(1);
      expect(outcomes.filter((s) => s === "duplicate")).toHaveLength(7);
    }
    for (let i = 0; i < 2; i++) expect((await sendEvents(setup.key, customerId, events)).json.duplicates).toBe(60);
    const expected = events.reduce((sum, e, i) => sum.plus(i % 2 === 0 ? dec(String(e.data.total_tokens)).times("0.001") : dec("2.5")), dec("0"));
    await expectBilledOnce(customerId, events, expected.toString());
  });

  it("bills once when 8 transactions race on their own connections, in different orders", async () => {
    const customerId = await subscribedCustomer(setup.key, ["video_gen_std", "chat_service_std"]);
    const events = batch(40);
    const request = (order: typeof events): IngestRequest => ({ customer: { id: customerId }, events: order, receivedAt: new Date() });
    const orders = Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? events : [...events].reverse()));
    const results = await Promise.all(orders.map((order) => processBatch(database.db, setup.platform.scope, [request(order)])));
    const accepted = results.flatMap((r) => (r.results[0]!.ok ? r.results[0]!.value.items : [])).filter((i) => i.status === "billed");
    expect(accepted.map((i) => i.id).sort()).toEqual(events.map((e) => e.id).sort());
    const expected = events.reduce((sum, e, i) => sum.plus(i % 2 === 0 ? dec(String(e.data.total_tokens)).times("0.001") : dec("2.5")), dec("0"));
    await expectBilledOnce(customerId, events, expected.toString());
  });

  it("loses no debit when 32 clients charge one wallet at once", async () => {
    const customerId = await subscribedCustomer(setup.key, ["video_gen_std"]);
    const events = Array.from({ length: 96 }, () => ({ id: eventId("hot"), event_type: "video_generated" }));
    await Promise.all(Array.from({ length: 32 }, (_, c) => (async () => {
      for (let i = c; i < events.length; i += 32) expect((await sendEvents(setup.key, customerId, [events[i]!])).status).toBe(201);
    })()));
    await expectBilledOnce(customerId, events, "240");
  });
});
