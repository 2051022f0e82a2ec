import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceClock, freezeClock, now, resetClock } from "@/lib/kernel/clock";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { drainJobs } from "@/lib/kernel/jobs/run-due-jobs";
import { findLedgerViolations, postTransfers, type TransferInput } from "@/lib/domain/ledger";
import { dec } from "@/lib/kernel/money";
import { testDatabases } from "@/test/support/databases";
import { createTestPlatform } from "@/test/support/fixtures";
import { postGrant } from "./create-grant";
import type { GrantPurpose } from "./types";

const DAY = 86_400_000;

describe.each(testDatabases())("grant consumption on $name", (target) => {
  let database: Database;
  let scope: { platformId: string; liveMode: boolean };
  beforeAll(async () => {
    database = await target.open();
    scope = { platformId: (await createTestPlatform(database.db)).id, liveMode: false };
    freezeClock(new Date("2026-03-01T00:00:00Z"));
  });
  afterAll(async () => {
    resetClock();
    await database.close();
  });

  let n = 0;
  const wallet = (customerId: string) => ({ kind: "wallet" as const, customerId, name: "default", asset: "USD" });
  const system = (customerId: string, name: "promotions" | "revenue") => ({ kind: "system" as const, name, asset: "USD", shardKey: customerId });
  const transfer = (customerId: string, amount: string, debit: boolean): TransferInput => ({
    idempotencyKey: `t:${++n}`,
    category: debit ? "usage_fee" : "gift",
    asset: "USD",
    amount: dec(amount),
    from: debit ? wallet(customerId) : system(customerId, "promotions"),
    to: debit ? system(customerId, "revenue") : wallet(customerId),
    customerId,
  });
  const grant = (customerId: string, label: string, purpose: GrantPurpose, amount: string, expiresInDays: number | null) =>
    withTransaction(database.db, (tx) =>
      postGrant(tx, scope, transfer(customerId, amount, false), {
        purpose,
        source: "adjustment",
        sourceId: label,
        expiresAt: expiresInDays === null ? null : new Date(now().getTime() + expiresInDays * DAY),
      }),
    );
  const debit = (customerId: string, amount: string) => withTransaction(database.db, (tx) => postTransfers(tx, scope, [transfer(customerId, amount, true)]));
  const remaining = async (customerId: string) =>
    Object.fromEntries(
      rowsOf<{ source_id: string; remaining: string }>(
        await database.db.execute(sql`SELECT source_id, remaining::text FROM credit_grants WHERE customer_id = ${customerId} ORDER BY source_id`),
      ).map((r) => [r.source_id, Number(r.remaining)]),
    );
  const balance = async (customerId: string) =>
    Number(rowsOf<{ b: string }>(await database.db.execute(sql`SELECT balance::text AS b FROM ledger_accounts WHERE owner = ${customerId}`))[0]!.b);

  it("consumes promotional → bundled → paid, earliest expiry first, then the ungranted remainder, to the last unit", async () => {
    const c = `cust_order_${target.name}`;
    await withTransaction(database.db, (tx) => postTransfers(tx, scope, [transfer(c, "25", false)])); // ungranted
    await grant(c, "paid30", "paid", "100", 30);
    await grant(c, "paid365", "paid", "10", 365);
    await grant(c, "promo10", "promotional", "50", 10);
    await grant(c, "promo5", "promotional", "20", 5);
    await grant(c, "promoNever", "promotional", "10", null);
    await grant(c, "bundled", "bundled", "40", 20);
    const steps: [string, Record<string, number>, number][] = [
      ["20.5", { promo5: 0, promo10: 49.5, promoNever: 10, bundled: 40, paid30: 100, paid365: 10 }, 234.5],
      ["59.5", { promo5: 0, promo10: 0, promoNever: 0, bundled: 40, paid30: 100, paid365: 10 }, 175],
      ["40", { promo5: 0, promo10: 0, promoNever: 0, bundled: 0, paid30: 100, paid365: 10 }, 135],
      ["109.999999999999", { promo5: 0, promo10: 0, promoNever: 0, bundled: 0, paid30: 0, paid365: 0.000000000001 }, 25.000000000001],
      ["0.000000000001", { promo5: 0, promo10: 0, promoNever: 0, bundled: 0, paid30: 0, paid365: 0 }, 25],
      ["30", { promo5: 0, promo10: 0, promoNever: 0, bundled: 0, paid30: 0, paid365: 0 }, -5],
    ];
    for (const [amount, expected, after] of steps) {
      await debit(c, amount);
      expect(await remaining(c), `after ${amount}`).toEqual(expected);
      expect(await balance(c)).toBe(after);
      expect(await findLedgerViolations(database.db, scope.platformId)).toEqual([]);
    }
    // A grant credited into an overdraft first pays the debt back; only the rest remains to spend.
    await grant(c, "repay", "promotional", "12", 5);
    expect((await remaining(c)).repay).toBe(7);
    expect(await balance(c)).toBe(7);
    await grant(c, "smallRepay", "promotional", "3", 5);
    await debit(c, "11");
    expect(await remaining(c)).toMatchObject({ repay: 0, smallRepay: 0 });
    expect(await balance(c)).toBe(-1);
    await grant(c, "tiny", "paid", "0.5", 5);
    expect((await remaining(c)).tiny).toBe(0);
    expect(await findLedgerViolations(database.db, scope.platformId)).toEqual([]);
  });

  it("expires each grant's remainder at its expiry, once, as a grant_expiry transfer", async () => {
    const c = `cust_expiry_${target.name}`;
    await grant(c, "short", "promotional", "30", 3);
    await grant(c, "long", "paid", "50", 40);
    await debit(c, "10");
    advanceClock(3 * DAY + 1000);
    await drainJobs(database.db);
    expect(await remaining(c)).toEqual({ short: 0, long: 50 });
    expect(await balance(c)).toBe(50);
    await drainJobs(database.db);
    const expiries = rowsOf<{ amount: string; category: string }>(
      await database.db.execute(sql`SELECT amount::text, category FROM ledger_transfers WHERE customer_id = ${c} AND category = 'grant_expiry'`),
    );
    expect(expiries).toEqual([{ amount: "20.000000000000", category: "grant_expiry" }]);
    expect(await findLedgerViolations(database.db, scope.platformId)).toEqual([]);
  });
});
