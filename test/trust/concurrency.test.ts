import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { createCustomer } from "@/lib/workflows/subscriptions/create-customer";
import { findLedgerViolations, postTransfers, type TransferInput } from "@/lib/domain/ledger";
import { dec } from "@/lib/kernel/money";
import { callApi, useDatabase } from "@/test/support/api-client";
import { eventId, sendEvents, setupBilling, subscribedCustomer } from "@/test/support/billing-fixtures";
import { onlyDatabase } from "@/test/support/databases";
import { createTestPlatform } from "@/test/support/fixtures";
import { createAdjustment } from "@/lib/workflows/wallet/create-adjustment";
import { getWalletAccountOrThrow } from "@/lib/domain/wallet/get-wallet";

// PGlite has one connection, so concurrency there only queues; these prove locking on real Postgres.
const postgres = onlyDatabase("postgres");
const wallet = (customerId: string) => ({ kind: "wallet" as const, customerId, name: "default", asset: "USD" });

/** Runs `workers` async loops at once and returns every error a caller saw (none expected). */
async function workers(count: number, body: (worker: number) => Promise<void>): Promise<unknown[]> {
  const settled = await Promise.allSettled(Array.from({ length: count }, (_, w) => body(w)));
  return settled.flatMap((s) => (s.status === "rejected" ? [s.reason] : []));
}

describe.skipIf(postgres.skip).each(postgres.targets)("Postgres concurrency (trust) on $name", (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
    useDatabase(database);
  });
  afterAll(() => database.close());

  it("64 workers crediting and debiting one wallet 4 times each end at the exact total", async () => {
    const { db } = database;
    const { scope } = await createTestPlatform(db);
    const customer = await createCustomer(db, scope, { name: "hot" });
    const amountOf = (w: number, i: number) => ((w + i) % 2 === 0 ? dec("7.13") : dec("-2.09")).times(1 + (w % 3));
    const errors = await workers(64, async (w) => {
      for (let i = 0; i < 4; i++) {
        await createAdjustment(db, scope, customer.id, { transaction_id: `hot-${w}-${i}`, asset: "USD", amount: amountOf(w, i), reason: "adjustment" });
      }
    });
    expect(errors).toEqual([]);
    let expected = dec("0");
    for (let w = 0; w < 64; w++) for (let i = 0; i < 4; i++) expected = expected.plus(amountOf(w, i));
    const account = await getWalletAccountOrThrow(db, { ...scope, customerId: customer.id }, "default:USD");
    expect(account.available.toString()).toBe(expected.toString());
    expect(account.version).toBe(256);
    expect(await findLedgerViolations(db, scope.platformId)).toEqual([]);
  });

  it("16 workers moving money A→B and B→A (singly and in two-leg batches) surface no deadlock and end exact", async () => {
    const { db } = database;
    const { scope } = await createTestPlatform(db);
    const [a, b] = await Promise.all(["A", "B"].map((name) => createCustomer(db, scope, { name })));
    const transfer = (key: string, from: string, to: string, amount: string): TransferInput => ({
      idempotencyKey: key, category: "adjustment", asset: "USD", amount: dec(amount), from: wallet(from), to: wallet(to), customerId: from,
    });
    const errors = await workers(16, async (w) => {
      for (let i = 0; i < 40; i++) {
        const forward = (w + i) % 2 === 0;
        const legs = i % 5 === 0
          ? [transfer(`x:${w}:${i}:1`, b!.id, a!.id, "0.5"), transfer(`x:${w}:${i}:2`, a!.id, b!.id, "0.5")]
          : [forward ? transfer(`x:${w}:${i}`, a!.id, b!.id, "1.25") : transfer(`x:${w}:${i}`, b!.id, a!.id, "1.25")];
        await withTransaction(db, (tx) => postTransfers(tx, scope, legs));
      }
    });
    expect(errors).toEqual([]);
    const balances = rowsOf<{ owner: string; balance: string; version: string }>(
      await db.execute(sql`SELECT owner, balance::text AS balance, version::text AS version FROM ledger_accounts WHERE platform_id = ${scope.platformId} ORDER BY owner`),
    );
    // Each worker alternates directions over 40 iterations (32 single legs, 16 each way), so everything cancels.
    expect(balances.map((r) => dec(r.balance).toString())).toEqual(["0", "0"]);
    expect(balances.map((r) => Number(r.version))).toEqual([16 * 48, 16 * 48]);
    expect(await findLedgerViolations(db, scope.platformId)).toEqual([]);
  });

  it("16 clients sending mixed, overlapping event batches bill each event exactly once", async () => {
    const { db } = database;
    const setup = await setupBilling(db, ["video", "chat"]);
    const customerId = await subscribedCustomer(setup.key, ["video_gen_std", "chat_service_std"]);
    const events = Array.from({ length: 160 }, (_, i) =>
      i % 2 === 0 ? { id: eventId("mix"), event_type: "message_completed", data: { total_tokens: 100 + i } } : { id: eventId("mix"), event_type: "video_generated", data: {} },
    );
    // Client c sends its own 10 events plus 5 of its neighbour's, in batches of 5, so ids overlap across clients.
    const batchesOf = (c: number) => {
      const mine = events.slice(c * 10, c * 10 + 10);
      const theirs = events.slice(((c + 1) % 16) * 10, ((c + 1) % 16) * 10 + 5);
      const all = c % 2 === 0 ? [...mine, ...theirs] : [...theirs, ...mine].reverse();
      return [all.slice(0, 5), all.slice(5, 10), all.slice(10)];
    };
    const accepted: string[] = [];
    const errors = await workers(16, async (c) => {
      for (const batch of batchesOf(c)) {
        const res = await sendEvents(setup.key, customerId, batch);
        if (res.status !== 200 && res.status !== 201) throw new Error(`${res.status} ${res.text}`);
        for (const item of res.json.items as { id: string; status: string }[]) if (item.status === "billed") accepted.push(item.id);
      }
    });
    expect(errors).toEqual([]);
    expect(accepted.sort()).toEqual(events.map((e) => e.id).sort());
    const expected = events.reduce((sum, e) => sum.plus("total_tokens" in e.data ? dec(String(e.data.total_tokens)).times("0.001") : dec("2.5")), dec("0"));
    const walletRes = await callApi("GET", `/api/v1/customers/${customerId}/wallet/default:USD`, { key: setup.key });
    expect(dec(String(walletRes.json.available)).toString()).toBe(expected.negated().toString());
    const billed = rowsOf<{ id: string; n: number }>(
      await db.execute(sql`SELECT reference_id AS id, count(*)::int AS n FROM ledger_transfers WHERE platform_id = ${setup.platform.id} AND category = 'usage_fee' GROUP BY reference_id`),
    );
    expect(billed).toHaveLength(events.length);
    expect(billed.every((r) => Number(r.n) === 1)).toBe(true);
    expect(await findLedgerViolations(db, setup.platform.id)).toEqual([]);
  });
});
