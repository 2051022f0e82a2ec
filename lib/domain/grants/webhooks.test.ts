import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { advanceClock, now, resetClock } from "@/lib/kernel/clock";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { drainJobs } from "@/lib/kernel/jobs/run-due-jobs";
import { findLedgerViolations } from "@/lib/domain/ledger";
import { callApi, useDatabase } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { paymentsWorld } from "@/test/support/payments-fixtures";

const DAY = 86_400_000;

describe.each(testDatabases())("grant and balance webhooks on $name", (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
    useDatabase(database);
  });
  afterAll(() => database.close());
  afterEach(() => resetClock());

  let n = 0;
  const adjust = (key: string, customerId: string, amount: string, extra = "") =>
    callApi("POST", `/api/v1/customers/${customerId}/wallet/adjustments`, {
      key,
      raw: `{"transaction_id":"w-${++n}","asset":"USD","amount":${amount},"reason":"${amount.startsWith("-") ? "adjustment" : "gift"}"${extra}}`,
    });
  const events = async (platformId: string, type: string) =>
    rowsOf<{ data: Record<string, unknown> | string }>(
      await database.db.execute(sql`SELECT data FROM webhook_events WHERE platform_id = ${platformId} AND type = ${type} ORDER BY created_at, id`),
    ).map((r) => (typeof r.data === "string" ? (JSON.parse(r.data) as Record<string, unknown>) : r.data));

  it("sends wallet.balance_low once per crossing to zero, not per debit", async () => {
    const w = await paymentsWorld(database);
    for (const amount of ["10", "-8", "-3", "-1", "5", "-5"]) expect((await adjust(w.key, w.customerId, amount)).status).toBe(201);
    const low = await events(w.platform.id, "wallet.balance_low");
    expect(low).toEqual([
      { customer_id: w.customerId, account_id: "default:USD", asset: "USD", balance: -1, threshold: 0 },
      { customer_id: w.customerId, account_id: "default:USD", asset: "USD", balance: -2, threshold: 0 },
    ]);
  });

  it("sends credits.expiring 7 days before a grant expires, once, and not for used-up grants", async () => {
    const w = await paymentsWorld(database);
    const inDays = (d: number) => `,"expires_at":"${new Date(now().getTime() + d * DAY).toISOString()}"`;
    expect((await adjust(w.key, w.customerId, "30", inDays(10))).status).toBe(201);
    expect((await adjust(w.key, w.customerId, "5", inDays(9))).status).toBe(201);
    expect((await adjust(w.key, w.customerId, "-5")).status).toBe(201);
    await drainJobs(database.db);
    expect(await events(w.platform.id, "credits.expiring")).toEqual([]);
    advanceClock(3 * DAY + 1000);
    await drainJobs(database.db);
    await drainJobs(database.db);
    const expiring = await events(w.platform.id, "credits.expiring");
    expect(expiring).toEqual([expect.objectContaining({ customer_id: w.customerId, account_id: "default:USD", purpose: "promotional", remaining: 30 })]);
    const grants = await callApi("GET", `/api/v1/customers/${w.customerId}/wallet/default:USD/grants`, { key: w.key });
    expect(grants.json.items.map((g: { remaining: number }) => g.remaining)).toEqual([30, 0]);
    expect(await findLedgerViolations(database.db, w.platform.id)).toEqual([]);
  });
});
