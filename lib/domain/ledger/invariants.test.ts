import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DbOrTx } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { dec } from "@/lib/kernel/money";
import type { PlatformScope } from "@/lib/kernel/scope";
import { testDatabases } from "@/test/support/databases";
import { createTestPlatform } from "@/test/support/fixtures";
import { findLedgerViolations } from "./invariants";
import { postTransfers } from "./post-transfers";

interface Posted {
  scope: PlatformScope;
  transferId: string;
  walletId: string;
}

/** A fresh platform whose wallet paid 5 USD of usage fees: one transfer, two entries, a sound ledger. */
async function postedPlatform(database: Database): Promise<Posted> {
  const { scope } = await createTestPlatform(database.db);
  const result = await withTransaction(database.db, (tx) =>
    postTransfers(tx, scope, [{
      idempotencyKey: "fee-1", category: "usage_fee", asset: "USD", amount: dec("5"), customerId: "c1",
      from: { kind: "wallet", customerId: "c1", name: "default", asset: "USD" }, to: { kind: "system", name: "revenue", asset: "USD", shardKey: "c1" },
    }]),
  );
  const [wallet] = rowsOf<{ id: string }>(
    await database.db.execute(sql`SELECT id::text AS id FROM ledger_accounts WHERE platform_id = ${scope.platformId} AND owner = 'c1'`),
  );
  return { scope, transferId: result.transfers[0]!.transferId, walletId: wallet!.id };
}

const labels = (violations: string[]) => [...new Set(violations.map((v) => v.split(":")[0]))].sort();

class RolledBack extends Error {}

/**
 * Breaks the ledger inside a transaction, reads what the check finds there, and rolls back: other test
 * files share this database and check it too.
 */
async function violationsAfter(database: Database, platformId: string, breakIt: (tx: DbOrTx) => Promise<unknown>): Promise<string[]> {
  let found: string[] = [];
  await database.db
    .transaction(async (tx) => {
      await breakIt(tx);
      found = await findLedgerViolations(tx, platformId);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  expect(await findLedgerViolations(database.db, platformId)).toEqual([]);
  return found;
}

// The checker is what every ledger test trusts, so each check must be seen to fire on a ledger broken its way.
describe.each(testDatabases())("ledger invariant check on $name", (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(() => database.close());

  it("finds nothing on a sound ledger", async () => {
    const p = await postedPlatform(database);
    expect(await findLedgerViolations(database.db, p.scope.platformId)).toEqual([]);
  });

  it("reports a balance moved without entries, on that platform only", async () => {
    const broken = await postedPlatform(database);
    const sound = await postedPlatform(database);
    const found = await violationsAfter(database, broken.scope.platformId, async (tx) => {
      await tx.execute(sql`UPDATE ledger_accounts SET balance = balance + 1 WHERE id = ${broken.walletId}::bigint`);
      expect(await findLedgerViolations(tx, sound.scope.platformId)).toEqual([]);
    });
    expect(labels(found)).toEqual(["account balance or version differs from its entries", "platform-asset balances do not sum to zero"]);
  });

  it("reports a third entry on a transfer, with a broken chain and an account version it never reached", async () => {
    const p = await postedPlatform(database);
    const found = await violationsAfter(database, p.scope.platformId, (tx) =>
      tx.execute(sql`INSERT INTO ledger_entries (platform_id, live_mode, transfer_id, account_id, customer_id, asset_code, category, amount, balance_after, account_version, created_at)
        VALUES (${p.scope.platformId}, ${p.scope.liveMode}, ${p.transferId}, ${p.walletId}::bigint, 'c1', 'USD', 'usage_fee', 1, 7, 2, now())`),
    );
    expect(labels(found)).toEqual([
      "account balance or version differs from its entries",
      "entry chain broken (balance_after <> previous + amount)",
      "transfer does not have exactly two balanced entries on its own accounts",
    ]);
  });

  it("reports a balance beyond ±10^24 and a transfer of 10^15 or more", async () => {
    const p = await postedPlatform(database);
    const found = await violationsAfter(database, p.scope.platformId, async (tx) => {
      await tx.execute(sql`UPDATE ledger_accounts SET balance = -2e24 WHERE id = ${p.walletId}::bigint`);
      await tx.execute(sql`INSERT INTO ledger_transfers (id, platform_id, live_mode, idempotency_key, category, asset_code, amount, from_account_id, to_account_id)
        SELECT 'txn_huge_' || ${p.scope.platformId}, platform_id, live_mode, 'huge', category, asset_code, 1e15, from_account_id, to_account_id
        FROM ledger_transfers WHERE id = ${p.transferId}`);
    });
    expect(labels(found)).toEqual([
      "account balance beyond ±10^24",
      "account balance or version differs from its entries",
      "platform-asset balances do not sum to zero",
      "transfer does not have exactly two balanced entries on its own accounts",
      "transfer of 10^15 or more",
    ]);
  });

  it("reports grants holding more than a wallet in debt holds, and an expired grant with a remainder", async () => {
    const p = await postedPlatform(database);
    const found = await violationsAfter(database, p.scope.platformId, (tx) =>
      tx.execute(sql`INSERT INTO credit_grants (id, platform_id, live_mode, account_id, customer_id, account_name, asset_code, purpose, source, source_id, transfer_id, amount, remaining, effective_at, expired_at)
        VALUES (${`grant_${p.scope.platformId}`}, ${p.scope.platformId}, ${p.scope.liveMode}, ${p.walletId}::bigint, 'c1', 'default', 'USD', 'promotional', 'adjustment', 'adj-1', ${p.transferId}, 3, 3, now(), now())`),
    );
    expect(labels(found)).toEqual(["credit grants hold more than the wallet's positive balance", "expired credit grant still has a remainder"]);
  });
});
