import { z } from "zod";
import { sql } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { DbOrTx } from "@/lib/kernel/db";
import { col, parseRows, rowsOf } from "@/lib/kernel/db/rows";
import { dec } from "@/lib/kernel/money";
import type { CustomerScope } from "@/lib/kernel/scope";
import type { BalanceView } from "@/lib/workflows/wallet/balance-views";
import { rollupsSince } from "./rollup-sql";
import { cachedSpend } from "./spend-cache";

export interface SpendFigures {
  spentThisMonth: string;
  /** Whole days the balance lasts at the last 7 days' average daily spend; null without recent spend. */
  runwayDays: number | null;
}

export interface SpendSums {
  /** `name:ASSET` wallet account id. */
  account: string;
  month: string | null;
  week: string | null;
}

/** Per wallet account: usage since the start of this month in `timeZone` and over the last 7 days; always queries. */
export async function querySpendSums(db: DbOrTx, scope: CustomerScope, assets: string[], timeZone: string): Promise<SpendSums[]> {
  const at = now().toISOString();
  const [bounds] = parseRows(z.object({ month: col.text(), week: col.text(), since: col.text() }), await db.execute(sql`
      WITH b AS (SELECT date_trunc('month', ${at}::timestamptz, ${timeZone}) AS month, ${at}::timestamptz - interval '7 days' AS week)
      SELECT month::text, week::text, least(month, week)::text AS since FROM b`)
  );
  // Constant bounds, not expressions: the planner sees how few slots they select and ranges the key.
  const { month, week, since } = bounds!;
  return rowsOf<SpendSums>(
    await db.execute(sql`
      SELECT r.account_name || ':' || r.asset_code AS account,
        sum(r.amount) FILTER (WHERE r.bucket_start >= ${month}::timestamptz)::text AS month,
        sum(r.amount) FILTER (WHERE r.bucket_start >= ${week}::timestamptz)::text AS week
      FROM spend_rollups r WHERE ${rollupsSince(scope, assets, sql`${since}::timestamptz`)}
      GROUP BY 1`),
  );
}

/**
 * Per wallet account: usage spent since the start of this month in the customer's timezone, and
 * how long the balance lasts at the past week's rate. The sums are cached per ledger change and
 * 15-minute slot; the balance is always the one passed in.
 */
export async function spendFigures(db: DbOrTx, scope: CustomerScope, balances: BalanceView[], timeZone: string): Promise<Record<string, SpendFigures>> {
  const assets = [...new Set(balances.map((b) => b.asset.code))];
  if (assets.length === 0) return {};
  const rows = await cachedSpend(db, scope, `sums:${timeZone}:${assets.join(",")}`, () => querySpendSums(db, scope, assets, timeZone));
  const byAccount = new Map(rows.map((r) => [r.account, r]));
  return Object.fromEntries(
    balances.map((b) => {
      const r = byAccount.get(b.accountId);
      const week = dec(r?.week ?? "0");
      const available = dec(b.available);
      const runway = week.gt(0) && available.gt(0) ? available.div(week.div(7)).floor().toNumber() : null;
      return [b.accountId, { spentThisMonth: dec(r?.month ?? "0").toString(), runwayDays: runway }];
    }),
  );
}
