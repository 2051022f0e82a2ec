import { sql } from "drizzle-orm";
import type { Db } from "../../../lib/kernel/db";
import { accountKey, keyString, lockAccounts } from "../../../lib/domain/ledger/accounts";
import { withTransaction } from "../../../lib/kernel/db/transaction";
import type { CustomerScope } from "../../../lib/kernel/scope";

/**
 * Writes `count` consistent transfers (two entries each, running balances, account versions) for one
 * customer in a few set-based statements, spread over the last 365 days: mostly USD and CREDIT usage
 * fees, with top-ups, gifts and refunds mixed in. Leaves its work table `bench_t` for seedUsage; call
 * finishSeed afterwards.
 */
export async function seedLedger(db: Db, scope: CustomerScope, count: number): Promise<void> {
  const wallet = (asset: string) => ({ kind: "wallet" as const, customerId: scope.customerId, name: "default", asset });
  const system = (name: "revenue" | "funding" | "promotions" | "refunds", asset: string) => ({ kind: "system" as const, name, asset, shardKey: scope.customerId });
  const refs = ["USD", "CREDIT"].flatMap((a) => [wallet(a), system("revenue", a), system("funding", a), system("promotions", a), system("refunds", a)]);
  const accounts = await withTransaction(db, (tx) => lockAccounts(tx, scope, refs.map(accountKey)));
  const acc = (name: string, asset: string) =>
    accounts.get(keyString(accountKey(name === "wallet" ? wallet(asset) : system(name as "revenue", asset))))!.id;
  await db.execute(sql`DROP TABLE IF EXISTS bench_t`);
  await db.execute(sql`
    CREATE TEMP TABLE bench_t AS
    SELECT n,
      now() - ((${count} - n) * (interval '365 days' / ${count})) AS at,
      CASE WHEN n % 3 = 0 THEN 'CREDIT' ELSE 'USD' END AS asset,
      CASE WHEN n % 25 = 0 THEN 'top_up' WHEN n % 97 = 0 THEN 'gift' WHEN n % 211 = 0 THEN 'refund' ELSE 'usage_fee' END AS category
    FROM generate_series(1, ${count}) n`);
  await db.execute(sql`
    ALTER TABLE bench_t ADD COLUMN amount numeric, ADD COLUMN wallet_id bigint, ADD COLUMN system_id bigint, ADD COLUMN credit boolean`);
  await db.execute(sql`
    UPDATE bench_t SET
      amount = CASE category
        WHEN 'usage_fee' THEN CASE asset WHEN 'USD' THEN 0.0125 * (1 + n % 7) ELSE 10 * (1 + n % 3) END
        WHEN 'top_up' THEN CASE asset WHEN 'USD' THEN 50 ELSE 2000 END
        WHEN 'gift' THEN 100 ELSE 5 END,
      credit = category IN ('top_up', 'gift'),
      wallet_id = CASE asset WHEN 'USD' THEN ${acc("wallet", "USD")}::bigint ELSE ${acc("wallet", "CREDIT")}::bigint END,
      system_id = CASE category || ':' || asset
        WHEN 'usage_fee:USD' THEN ${acc("revenue", "USD")}::bigint WHEN 'usage_fee:CREDIT' THEN ${acc("revenue", "CREDIT")}::bigint
        WHEN 'top_up:USD' THEN ${acc("funding", "USD")}::bigint WHEN 'top_up:CREDIT' THEN ${acc("funding", "CREDIT")}::bigint
        WHEN 'gift:USD' THEN ${acc("promotions", "USD")}::bigint WHEN 'gift:CREDIT' THEN ${acc("promotions", "CREDIT")}::bigint
        WHEN 'refund:USD' THEN ${acc("refunds", "USD")}::bigint ELSE ${acc("refunds", "CREDIT")}::bigint END`);
  await db.execute(sql`
    INSERT INTO ledger_transfers (id, platform_id, live_mode, idempotency_key, category, asset_code, amount, from_account_id,
      to_account_id, customer_id, description, reference_type, reference_id, created_at)
    SELECT 'txn_bench' || lpad(n::text, 21, '0'), ${scope.platformId}, ${scope.liveMode}, 'bench:' || n, category, asset, amount,
      CASE WHEN credit THEN system_id ELSE wallet_id END, CASE WHEN credit THEN wallet_id ELSE system_id END,
      ${scope.customerId}, CASE category WHEN 'usage_fee' THEN 'Generated image #' || n ELSE initcap(replace(category, '_', ' ')) END,
      CASE category WHEN 'usage_fee' THEN 'event' ELSE 'adjustment' END, 'bench-' || n, at
    FROM bench_t ORDER BY n`);
  for (const side of ["wallet", "system"] as const) {
    const account = side === "wallet" ? sql`wallet_id` : sql`system_id`;
    const signed = side === "wallet" ? sql`CASE WHEN credit THEN amount ELSE -amount END` : sql`CASE WHEN credit THEN -amount ELSE amount END`;
    await db.execute(sql`
      INSERT INTO ledger_entries (platform_id, live_mode, transfer_id, account_id, customer_id, asset_code, category, amount,
        balance_after, account_version, created_at)
      SELECT ${scope.platformId}, ${scope.liveMode}, 'txn_bench' || lpad(n::text, 21, '0'), ${account},
        ${side === "wallet" ? sql`${scope.customerId}` : sql`NULL`}, asset, category, ${signed},
        sum(${signed}) OVER (PARTITION BY ${account} ORDER BY n), row_number() OVER (PARTITION BY ${account} ORDER BY n), at
      FROM bench_t ORDER BY n`);
  }
  await db.execute(sql`
    UPDATE ledger_accounts a SET balance = s.total, version = s.n
    FROM (SELECT account_id, sum(amount) total, count(*) n FROM ledger_entries WHERE platform_id = ${scope.platformId} GROUP BY account_id) s
    WHERE a.id = s.account_id`);
}

/** Drops seedLedger's work table and refreshes the planner's statistics. */
export async function finishSeed(db: Db): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS bench_t`);
  await db.execute(sql`ANALYZE`);
}
