import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { createCustomer } from "@/lib/workflows/subscriptions/create-customer";
import { createAsset } from "@/lib/domain/assets/create-asset";
import { postTransfers, type TransferCategory } from "@/lib/domain/ledger";
import { dec } from "@/lib/kernel/money";
import type { CustomerScope } from "@/lib/kernel/scope";
import { testDatabases } from "@/test/support/databases";
import { createTestPlatform } from "@/test/support/fixtures";
import { transactionFiltersSchema } from "./filters";
import { listTransactions } from "./list-transactions";

async function post(database: Database, scope: CustomerScope, n: number, at: Date, asset: string, category: TransferCategory, amount: string) {
  const a = dec(amount);
  const wallet = { kind: "wallet" as const, customerId: scope.customerId, name: "default", asset };
  const system = { kind: "system" as const, name: "adjustments" as const, asset, shardKey: scope.customerId };
  await withTransaction(database.db, (tx) =>
    postTransfers(tx, scope, [{ idempotencyKey: `t-${n}`, category, asset, amount: a.abs(), from: a.gt(0) ? system : wallet, to: a.gt(0) ? wallet : system, customerId: scope.customerId, description: `#${n}` }], { at }),
  );
}

const filters = (f: Record<string, unknown>) => transactionFiltersSchema.parse(f);

describe.each(testDatabases())("portal transactions on $name", (target) => {
  let database: Database;
  let scope: CustomerScope;
  beforeAll(async () => {
    database = await target.open();
    const platform = await createTestPlatform(database.db);
    await createAsset(database.db, platform.scope, { code: "CREDIT", name: "Credits", precision: 0, rates: [] });
    const customer = await createCustomer(database.db, platform.scope, { name: "t" });
    scope = { ...platform.scope, customerId: customer.id };
    // 2026-10-31 23:30 UTC is already November in Berlin (UTC+1) but still October in New York.
    await post(database, scope, 1, new Date("2026-10-15T12:00:00Z"), "USD", "top_up", "100");
    await post(database, scope, 2, new Date("2026-10-31T23:30:00Z"), "USD", "usage_fee", "-1.5");
    await post(database, scope, 3, new Date("2026-11-02T08:00:00Z"), "CREDIT", "gift", "40");
    await post(database, scope, 4, new Date("2026-11-03T08:00:00Z"), "USD", "auto_top_up", "20");
    await post(database, scope, 5, new Date("2026-11-04T08:00:00Z"), "USD", "refund", "-5");
  });
  afterAll(() => database.close());

  it("lists newest first with balance after", async () => {
    const page = await listTransactions(database.db, scope, filters({}), "UTC");
    expect(page.items.map((t) => t.description)).toEqual(["#5", "#4", "#3", "#2", "#1"]);
    expect(page.items.map((t) => t.balanceAfter)).toEqual(["113.5", "118.5", "40", "98.5", "100"]);
  });

  it("bounds months in the customer's timezone", async () => {
    const berlin = await listTransactions(database.db, scope, filters({ month: "2026-11" }), "Europe/Berlin");
    const newYork = await listTransactions(database.db, scope, filters({ month: "2026-11" }), "America/New_York");
    expect(berlin.items.map((t) => t.description)).toEqual(["#5", "#4", "#3", "#2"]);
    expect(newYork.items.map((t) => t.description)).toEqual(["#5", "#4", "#3"]);
  });

  it("filters by asset and by category group", async () => {
    const credit = await listTransactions(database.db, scope, filters({ asset: "CREDIT" }), "UTC");
    expect(credit.items.map((t) => t.description)).toEqual(["#3"]);
    const topUps = await listTransactions(database.db, scope, filters({ category: "top_ups" }), "UTC");
    expect(topUps.items.map((t) => t.description)).toEqual(["#4", "#1"]);
    const usdRefunds = await listTransactions(database.db, scope, filters({ asset: "USD", category: "refunds" }), "UTC");
    expect(usdRefunds.items.map((t) => t.description)).toEqual(["#5"]);
  });

  it("keyset pages stay stable when newer rows arrive", async () => {
    const first = await listTransactions(database.db, scope, filters({ limit: 2 }), "UTC");
    expect(first.items.map((t) => t.description)).toEqual(["#5", "#4"]);
    await post(database, scope, 6, new Date("2026-11-05T08:00:00Z"), "USD", "gift", "1");
    const second = await listTransactions(database.db, scope, filters({ limit: 2, cursor: first.nextCursor }), "UTC");
    expect(second.items.map((t) => t.description)).toEqual(["#3", "#2"]);
    const third = await listTransactions(database.db, scope, filters({ limit: 2, cursor: second.nextCursor }), "UTC");
    expect(third.items.map((t) => t.description)).toEqual(["#1"]);
    expect(third.nextCursor).toBeNull();
  });

  it("ignores a forged cursor instead of failing", async () => {
    const page = await listTransactions(database.db, scope, filters({ cursor: "not-a-cursor" }), "UTC");
    expect(page.items.length).toBeGreaterThan(0);
  });
});
