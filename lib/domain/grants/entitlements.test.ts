import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freezeClock, resetClock } from "@/lib/kernel/clock";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { drainJobs } from "@/lib/kernel/jobs/run-due-jobs";
import { findLedgerViolations } from "@/lib/domain/ledger";
import { callApi } from "@/test/support/api-client";
import { billingSuite, eventId, sendEvents, subscribedCustomer, type BillingSetup } from "@/test/support/billing-fixtures";
import { testDatabases } from "@/test/support/databases";
import { activateEntitlements } from "./entitlements";

const START = new Date("2026-01-31T12:00:00Z");

const plan = (code: string, strategy: "expire_and_replace" | "rollover") => ({
  name: `Plan ${code}`,
  code,
  entitlements: [{ name: "Monthly credits", asset: "CREDIT", amount: 1000, purpose: "bundled", lifecycle: { duration: "month", refresh: { strategy } } }],
  publish: true,
});

describe.each(testDatabases())("entitlements on $name", (target) => {
  let database: Database;
  let setup: BillingSetup;
  billingSuite(target, ["images"], async (d, s) => {
    database = d;
    setup = s;
    for (const body of [plan("plan_replace", "expire_and_replace"), plan("plan_rollover", "rollover")]) {
      const res = await callApi("POST", "/api/v1/products", { key: s.key, body });
      expect(res.status, res.text).toBe(201);
    }
  });
  beforeAll(() => freezeClock(START));
  afterAll(() => resetClock());

  const grants = async (customerId: string) =>
    rowsOf<{ purpose: string; amount: string; remaining: string; expires_at: Date | string | null; expired_at: unknown }>(
      await database.db.execute(sql`SELECT purpose, amount::text, remaining::text, expires_at, expired_at FROM credit_grants
        WHERE customer_id = ${customerId} ORDER BY effective_at`),
    ).map((g) => ({ purpose: g.purpose, amount: Number(g.amount), remaining: Number(g.remaining), expires: g.expires_at ? new Date(g.expires_at).toISOString() : null, expired: g.expired_at !== null }));
  const balance = async (customerId: string) => {
    const res = await callApi("GET", `/api/v1/customers/${customerId}/wallet/default:CREDIT`, { key: setup.key });
    return res.json.available as number;
  };
  const useImages = async (customerId: string, count: number) => {
    const res = await sendEvents(setup.key, customerId, Array.from({ length: count }, () => ({ id: eventId("img"), event_type: "image_generated" })));
    expect(res.status, res.text).toBe(201);
  };
  const nextMonth = async (to: string) => {
    freezeClock(new Date(to));
    await drainJobs(database.db);
    expect(await findLedgerViolations(database.db, setup.platform.id)).toEqual([]);
  };

  it("expire_and_replace grants 1,000 each month and expires the rest", async () => {
    freezeClock(START);
    const c = await subscribedCustomer(setup.key, ["plan_replace", "image_gen_std"]);
    expect(await grants(c)).toEqual([{ purpose: "bundled", amount: 1000, remaining: 1000, expires: "2026-02-28T12:00:00.000Z", expired: false }]);
    await useImages(c, 30);
    expect(await balance(c)).toBe(700);
    await nextMonth("2026-02-28T12:00:01Z");
    expect(await grants(c)).toEqual([
      { purpose: "bundled", amount: 1000, remaining: 0, expires: "2026-02-28T12:00:00.000Z", expired: true },
      { purpose: "bundled", amount: 1000, remaining: 1000, expires: "2026-03-28T12:00:00.000Z", expired: false },
    ]);
    expect(await balance(c)).toBe(1000);
    await nextMonth("2026-03-28T12:00:01Z");
    expect((await grants(c)).map((g) => g.remaining)).toEqual([0, 0, 1000]);
    expect(await balance(c)).toBe(1000);
    const tx = await callApi("GET", `/api/v1/customers/${c}/wallet/default:CREDIT/transactions?limit=50`, { key: setup.key });
    const expiries = (tx.json.items as { category: string; amount: number }[]).filter((t) => t.category === "grant_expiry");
    expect(expiries.map((t) => t.amount)).toEqual([-1000, -700]);
  });

  it("rollover keeps the remainder and adds the next month's grant", async () => {
    freezeClock(START);
    const c = await subscribedCustomer(setup.key, ["plan_rollover", "image_gen_std"]);
    await useImages(c, 25);
    await nextMonth("2026-02-28T12:00:01Z");
    expect(await grants(c)).toEqual([
      { purpose: "bundled", amount: 1000, remaining: 750, expires: null, expired: false },
      { purpose: "bundled", amount: 1000, remaining: 1000, expires: null, expired: false },
    ]);
    expect(await balance(c)).toBe(1750);
    await useImages(c, 80);
    expect((await grants(c)).map((g) => g.remaining)).toEqual([0, 950]);
  });

  it("grants a period once however often activation runs, and stops refreshing once canceled", async () => {
    freezeClock(START);
    const c = await subscribedCustomer(setup.key, ["plan_replace"]);
    const sub = rowsOf<{ id: string }>(await database.db.execute(sql`SELECT id FROM subscriptions WHERE customer_id = ${c}`))[0]!.id;
    await withTransaction(database.db, (tx) => activateEntitlements(tx, { platformId: setup.platform.id, liveMode: false }, sub, START));
    expect(await grants(c)).toHaveLength(1);
    await database.db.execute(sql`UPDATE subscriptions SET status = 'canceled' WHERE id = ${sub}`);
    await nextMonth("2026-02-28T12:00:01Z");
    expect((await grants(c)).map((g) => [g.remaining, g.expired])).toEqual([[0, true]]);
    await nextMonth("2026-03-28T12:00:01Z");
    expect(await grants(c)).toHaveLength(1);
  });
});
