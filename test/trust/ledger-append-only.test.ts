import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { findLedgerViolations, postTransfers } from "@/lib/domain/ledger";
import { dec } from "@/lib/kernel/money";
import type { PlatformScope } from "@/lib/kernel/scope";
import { testDatabases } from "@/test/support/databases";
import { createTestPlatform } from "@/test/support/fixtures";

/**
 * Guarantee 2 (immutability): the database itself refuses to change history, whatever code runs
 * against it. Every statement that would edit or remove a transfer or an entry fails and leaves the
 * rows exactly as they were.
 */
describe.each(testDatabases())("ledger history is append-only on $name", (target) => {
  let database: Database;
  let scope: PlatformScope;
  beforeAll(async () => {
    database = await target.open();
    scope = (await createTestPlatform(database.db)).scope;
    const wallet = { kind: "wallet" as const, customerId: "c-append", name: "default", asset: "USD" };
    const revenue = { kind: "system" as const, name: "revenue" as const, asset: "USD", shardKey: "c-append" };
    await withTransaction(database.db, (tx) =>
      postTransfers(tx, scope, [{ idempotencyKey: "append:1", category: "usage_fee", asset: "USD", amount: dec("2.5"), from: wallet, to: revenue, customerId: "c-append" }]),
    );
  });
  afterAll(() => database.close());

  const snapshot = async () =>
    rowsOf<{ id: string; amount: string; n: number }>(
      await database.db.execute(sql`SELECT t.id, t.amount::text AS amount, (SELECT count(*) FROM ledger_entries e WHERE e.transfer_id = t.id)::int AS n
        FROM ledger_transfers t WHERE t.platform_id = ${scope.platformId} ORDER BY t.id`),
    );

  const attacks: Record<string, (platformId: string) => ReturnType<typeof sql>> = {
    "UPDATE an entry": (p) => sql`UPDATE ledger_entries SET amount = amount * 2 WHERE platform_id = ${p}`,
    "DELETE an entry": (p) => sql`DELETE FROM ledger_entries WHERE platform_id = ${p}`,
    "UPDATE a transfer": (p) => sql`UPDATE ledger_transfers SET amount = 0 WHERE platform_id = ${p}`,
    "DELETE a transfer": (p) => sql`DELETE FROM ledger_transfers WHERE platform_id = ${p}`,
    "TRUNCATE the entries": () => sql`TRUNCATE ledger_entries CASCADE`,
    "TRUNCATE the transfers": () => sql`TRUNCATE ledger_transfers CASCADE`,
  };

  it.each(Object.keys(attacks))("%s is refused and changes nothing", async (name) => {
    const before = await snapshot();
    expect(before).toHaveLength(1);
    const error = await database.db.execute(attacks[name]!(scope.platformId)).then(
      () => null,
      (e: unknown) => e as Error & { cause?: Error },
    );
    expect(`${error?.message} ${error?.cause?.message}`).toMatch(/append-only/);
    expect(await snapshot()).toEqual(before);
    expect(await findLedgerViolations(database.db, scope.platformId)).toEqual([]);
  });
});
