import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { MAX_BALANCE, dec } from "@/lib/kernel/money";
import { callApi } from "@/test/support/api-client";
import { billingSuite, type BillingSetup } from "@/test/support/billing-fixtures";
import { testDatabases } from "@/test/support/databases";
import { rowCounts } from "@/test/support/row-counts";
import { LedgerLimitError } from "./errors";
import { postTransfers } from "./post-transfers";
import type { TransferInput } from "./types";

const JUST_BELOW_COLUMN_LIMIT = "999999999999999999999999.999999999999";

describe.each(testDatabases())("amount and balance bounds on $name", (target) => {
  let database: Database;
  let setup: BillingSetup;
  billingSuite(target, [], async (db, s) => {
    database = db;
    setup = s;
  });

  const customer = async () => (await callApi("POST", "/api/v1/customers", { key: setup.key, body: { name: "Ada" } })).json.id as string;
  const adjust = (customerId: string, amount: string, id = `b-${Math.random()}`, reason = "gift") =>
    callApi("POST", `/api/v1/customers/${customerId}/wallet/adjustments`, {
      key: setup.key,
      raw: `{"transaction_id":"${id}","asset":"USD","amount":${amount},"reason":"${reason}"}`,
    });
  /** The system account a customer's gifts come from: promotions, on the customer's shard. */
  const promotionsOf = async (customerId: string) => {
    await adjust(customerId, "0.000000000001");
    const [row] = rowsOf<{ id: string }>(
      await database.db.execute(sql`SELECT t.from_account_id::text AS id FROM ledger_transfers t
        WHERE t.platform_id = ${setup.platform.id} AND t.customer_id = ${customerId} AND t.category = 'gift' LIMIT 1`),
    );
    return row!.id;
  };

  it("an amount at 10^15 or beyond is a 422 and nothing is written (up to the column's limit was accepted)", async () => {
    const id = await customer();
    const before = await rowCounts(database.db, [setup.platform.id]);
    for (const amount of [JUST_BELOW_COLUMN_LIMIT, "1e15", "1000000000000000", "-1000000000000000.5"]) {
      const res = await adjust(id, amount, `big-${amount}`, "adjustment");
      expect(res.status, `${amount}: ${res.text}`).toBe(422);
      expect(res.json.errors.amount[0]).toMatch(/below 10\^15/);
    }
    expect(await rowCounts(database.db, [setup.platform.id])).toEqual(before);
    expect((await adjust(id, "999999999999999.999999999999")).status).toBe(201);
  });

  it("a posting that would take a system account beyond ±10^24 is a 422; the account keeps working", async () => {
    const a = await customer();
    const promotions = await promotionsOf(a);
    // A customer whose gifts come from another shard's promotions account (shards are picked by customer id).
    let b = await customer();
    for (let tries = 0; tries < 64 && (await promotionsOf(b)) === promotions; tries++) b = await customer();
    expect(await promotionsOf(b)).not.toBe(promotions);
    // Only a billion maximal gifts could bring it here; the test puts it one unit short of the bound.
    await database.db.execute(sql`UPDATE ledger_accounts SET balance = ${MAX_BALANCE.negated().plus(1).toFixed()} WHERE id = ${promotions}::bigint`);
    const before = await rowCounts(database.db, [setup.platform.id]);
    const refused = await adjust(a, "10");
    expect(refused.status, refused.text).toBe(422);
    expect(refused.json.errors.amount[0]).toMatch(/promotions account beyond ±1000000000000000000000000 USD/);
    expect(await rowCounts(database.db, [setup.platform.id])).toEqual(before);
    expect((await adjust(a, "0.5")).status).toBe(201);
    expect((await adjust(a, "-3", undefined, "adjustment")).status).toBe(201);
    expect((await adjust(b, "7")).status).toBe(201);
  });

  it("a wallet cannot be taken beyond ±10^24 either, and a replay near the bound is still a replay", async () => {
    const id = await customer();
    // An adjustment, not a gift: the test before left a promotions shard one unit short of its bound.
    expect((await adjust(id, "1", "first", "adjustment")).status).toBe(201);
    const [row] = rowsOf<{ id: string }>(
      await database.db.execute(sql`SELECT id::text FROM ledger_accounts WHERE platform_id = ${setup.platform.id} AND owner = ${id}`),
    );
    await database.db.execute(sql`UPDATE ledger_accounts SET balance = ${MAX_BALANCE.minus("0.5").toFixed()} WHERE id = ${row!.id}::bigint`);
    const replay = await adjust(id, "1", "first", "adjustment");
    expect([replay.status, replay.headers.get("idempotent-replayed")]).toEqual([201, "true"]);
    expect((await adjust(id, "2", undefined, "adjustment")).status).toBe(422);
    expect((await adjust(id, "0.5", undefined, "adjustment")).status).toBe(201);
  });

  it("postTransfers refuses with a LedgerLimitError before writing anything", async () => {
    const transfer = (key: string, amount: string): TransferInput => ({
      idempotencyKey: key, category: "adjustment", asset: "USD", amount: dec(amount), customerId: "c-bound",
      from: { kind: "system", name: "adjustments", asset: "USD", shardKey: "c-bound" },
      to: { kind: "wallet", customerId: "c-bound", name: "default", asset: "USD" },
    });
    const post = (inputs: TransferInput[]) => withTransaction(database.db, (tx) => postTransfers(tx, setup.platform.scope, inputs));
    await post([transfer("bound:1", "1")]);
    await database.db.execute(sql`UPDATE ledger_accounts SET balance = ${MAX_BALANCE.toFixed()} WHERE platform_id = ${setup.platform.id} AND owner = 'c-bound'`);
    const before = await rowCounts(database.db, [setup.platform.id]);
    await expect(post([transfer("bound:2", "0.000000000001")])).rejects.toBeInstanceOf(LedgerLimitError);
    expect(await rowCounts(database.db, [setup.platform.id])).toEqual(before);
    const again = await post([transfer("bound:1", "1")]);
    expect(again.transfers[0]!.created).toBe(false);
  });
});
