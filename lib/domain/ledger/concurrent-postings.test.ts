import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { ledgerTransfers } from "@/lib/kernel/db/schema";
import { createCustomer } from "@/lib/workflows/subscriptions/create-customer";
import { dec } from "@/lib/kernel/money";
import { testDatabases } from "@/test/support/databases";
import { createTestPlatform } from "@/test/support/fixtures";
import { createAdjustment } from "@/lib/workflows/wallet/create-adjustment";
import { getWalletAccountOrThrow } from "@/lib/domain/wallet/get-wallet";
import { findLedgerViolations } from "./invariants";

// On Postgres these run on separate pooled connections at the same time, so a lost update or a
// deadlock would show; on PGlite they queue on its single connection.
describe.each(testDatabases())("concurrent postings on $name", (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(() => database.close());

  it("64 concurrent adjustments on one account end at the exact balance with exactly 64 transfers", async () => {
    const db = database.db;
    const { scope } = await createTestPlatform(db);
    const customer = await createCustomer(db, scope, { name: "hot wallet" });
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        createAdjustment(db, scope, customer.id, {
          transaction_id: `hot-${i}`,
          asset: "USD",
          amount: dec(i % 2 === 0 ? "1.01" : "-0.37"),
          reason: "adjustment",
        }),
      ),
    );
    expect(results.every((r) => !r.replayed)).toBe(true);
    const account = await getWalletAccountOrThrow(db, { ...scope, customerId: customer.id }, "default:USD");
    expect(account.available.toString()).toBe(dec("1.01").times(32).minus(dec("0.37").times(32)).toString());
    expect(account.available.toString()).toBe("20.48");
    expect(account.version).toBe(64);
    const [transfers] = await db.select({ n: count() }).from(ledgerTransfers).where(eq(ledgerTransfers.platformId, scope.platformId));
    expect(transfers!.n).toBe(64);
    expect(await findLedgerViolations(db, scope.platformId)).toEqual([]);
  });

  it("the same transaction_id sent 16 times at once posts once", async () => {
    const db = database.db;
    const { scope } = await createTestPlatform(db);
    const customer = await createCustomer(db, scope, { name: "replays" });
    const body = { transaction_id: "dup", asset: "USD", amount: dec("3.33"), reason: "gift" as const };
    const results = await Promise.all(Array.from({ length: 16 }, () => createAdjustment(db, scope, customer.id, body)));
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    const account = await getWalletAccountOrThrow(db, { ...scope, customerId: customer.id }, "default:USD");
    expect(account.available.toString()).toBe("3.33");
    expect(await findLedgerViolations(db, scope.platformId)).toEqual([]);
  });
});
