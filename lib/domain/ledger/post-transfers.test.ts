import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { dec, type Decimal } from "@/lib/kernel/money";
import { testDatabases } from "@/test/support/databases";
import { createTestPlatform } from "@/test/support/fixtures";
import type { PlatformScope } from "@/lib/kernel/scope";
import { findLedgerViolations } from "./invariants";
import { postTransfers } from "./post-transfers";
import type { TransferInput } from "./types";

let n = 0;
const wallet = (customerId: string, asset = "USD") => ({ kind: "wallet" as const, customerId, name: "default", asset });
const revenue = (shardKey: string, asset = "USD") => ({ kind: "system" as const, name: "revenue" as const, asset, shardKey });

function debit(customerId: string, amount: string, key = `t:${++n}`, asset = "USD"): TransferInput {
  return { idempotencyKey: key, category: "usage_fee", asset, amount: dec(amount), from: wallet(customerId, asset), to: revenue(customerId, asset), customerId };
}

describe.each(testDatabases())("postTransfers on $name", (target) => {
  let database: Database;
  let scope: PlatformScope;
  beforeAll(async () => {
    database = await target.open();
    scope = (await createTestPlatform(database.db)).scope;
  });
  afterAll(() => database.close());

  const post = (inputs: TransferInput[], at?: Date) => withTransaction(database.db, (tx) => postTransfers(tx, scope, inputs, at ? { at } : {}));
  const balanceOf = async (owner: string, asset = "USD") => {
    const [row] = rowsOf<{ b: string }>(
      await database.db.execute(sql`SELECT balance::text AS b FROM ledger_accounts WHERE platform_id = ${scope.platformId} AND owner = ${owner} AND asset_code = ${asset}`),
    );
    return row ? dec(row.b).toString() : undefined;
  };

  it("posts a batch over several accounts and assets with exact balances and a sound ledger", async () => {
    const result = await post([debit("c1", "0.000000000001"), debit("c2", "2.5"), debit("c1", "1.25"), debit("c1", "10", undefined, "CREDIT")]);
    expect(result.transfers.every((t) => t.created && /^txn_/.test(t.transferId))).toBe(true);
    expect(result.wallets.map((w) => [w.owner, w.assetCode, w.balance.toString(), w.version]).sort()).toEqual([
      ["c1", "CREDIT", "-10", 1],
      ["c1", "USD", "-1.250000000001", 2],
      ["c2", "USD", "-2.5", 1],
    ]);
    expect(result.debited).toHaveLength(3);
    expect(await balanceOf("c1")).toBe("-1.250000000001");
    expect(await findLedgerViolations(database.db, scope.platformId)).toEqual([]);
  });

  it("skips keys it has seen, reports them with their original ids, and writes nothing for them", async () => {
    const first = await post([debit("c3", "1", "k:a"), debit("c3", "2", "k:b")]);
    const again = await post([debit("c3", "1", "k:a"), debit("c3", "4", "k:c"), debit("c3", "2", "k:b")]);
    expect(again.transfers.map((t) => [t.idempotencyKey, t.created])).toEqual([["k:a", false], ["k:c", true], ["k:b", false]]);
    expect(again.transfers[0]!.transferId).toBe(first.transfers[0]!.transferId);
    expect(await balanceOf("c3")).toBe("-7");
    const replay = await post([debit("c3", "1", "k:a")]);
    expect(replay).toMatchObject({ wallets: [], debited: [] });
  });

  it("dates rows with `at` when backdating", async () => {
    const at = new Date("2024-05-06T07:08:09.123Z");
    const result = await post([debit("c4", "1")], at);
    expect(result.transfers[0]!.createdAt.toISOString()).toBe(at.toISOString());
    const rows = rowsOf<{ t: Date | string }>(await database.db.execute(sql`SELECT created_at AS t FROM ledger_entries WHERE transfer_id = ${result.transfers[0]!.transferId}`));
    expect(rows.map((r) => new Date(r.t).toISOString())).toEqual([at.toISOString(), at.toISOString()]);
  });

  it("serializes concurrent postings to one account and never deadlocks on opposite orders", async () => {
    await Promise.all(Array.from({ length: 24 }, () => post([debit("hot", "0.1")])));
    expect(await balanceOf("hot")).toBe("-2.4");
    const pairs = Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? [debit("x", "1"), debit("y", "1")] : [debit("y", "1"), debit("x", "1")]));
    await Promise.all(pairs.map((p) => post(p)));
    expect([await balanceOf("x"), await balanceOf("y")]).toEqual(["-16", "-16"]);
    expect(await findLedgerViolations(database.db, scope.platformId)).toEqual([]);
  });

  it("matches a simple model over random sequences of batches", async () => {
    const model = new Map<string, Decimal>();
    const amount = fc.integer({ min: 1, max: 10 ** 9 }).map((v) => dec(String(v)).div(1000));
    const transfer = fc.record({ customer: fc.constantFrom("m1", "m2", "m3"), amount, asset: fc.constantFrom("USD", "EUR") });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(transfer, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), async (batches) => {
        for (const batch of batches) {
          await post(batch.map((t) => debit(t.customer, t.amount.toString(), undefined, t.asset)));
          for (const t of batch) model.set(`${t.customer}/${t.asset}`, (model.get(`${t.customer}/${t.asset}`) ?? dec("0")).minus(t.amount));
        }
        for (const [key, expected] of model) {
          const [owner, asset] = key.split("/");
          expect(dec((await balanceOf(owner!, asset))!).eq(expected)).toBe(true);
        }
      }),
      { numRuns: 15 },
    );
    expect(await findLedgerViolations(database.db, scope.platformId)).toEqual([]);
  });
});
