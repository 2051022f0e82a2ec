import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { pgArray as arr } from "@/lib/kernel/db/arrays";
import { rowsOf } from "@/lib/kernel/db/rows";
import { dec, ZERO, type Decimal } from "@/lib/kernel/money";
import type { PlatformScope } from "@/lib/kernel/scope";
import { periodBounds, type BudgetPeriod } from "./periods";

export interface Lane {
  dimension: string;
  value: string;
}

export interface Budget {
  accountId: number;
  customerId: string;
  period: BudgetPeriod;
  limit: Decimal;
  thresholds: number[];
  hardStop: boolean;
  lane: Lane | null;
  updatedAt: Date;
}

/** A wallet account's guardrails as of one moment: its budget and this period's spend, and its active holds. */
export interface GuardState {
  budget: Budget | null;
  period: { start: Date; end: Date } | null;
  spent: Decimal;
  alerted: number[];
  held: Decimal;
}

interface BudgetRow {
  account_id: string | number;
  customer_id: string;
  period: BudgetPeriod;
  limit_amount: string;
  thresholds: number[];
  hard_stop: boolean;
  lane_dimension: string | null;
  lane_value: string | null;
  updated_at: Date | string;
}

function toBudget(r: BudgetRow): Budget {
  const lane = r.lane_dimension !== null && r.lane_value !== null ? { dimension: r.lane_dimension, value: r.lane_value } : null;
  const updatedAt = r.updated_at instanceof Date ? r.updated_at : new Date(r.updated_at);
  return { accountId: Number(r.account_id), customerId: r.customer_id, period: r.period, limit: dec(r.limit_amount), thresholds: r.thresholds, hardStop: r.hard_stop, lane, updatedAt };
}

export async function budgetsOf(db: DbOrTx, scope: PlatformScope, accountIds: number[]): Promise<Map<number, Budget>> {
  if (accountIds.length === 0) return new Map();
  const rows = rowsOf<BudgetRow>(
    await db.execute(sql`SELECT account_id, customer_id, period, limit_amount::text, thresholds, hard_stop, lane_dimension, lane_value, updated_at
      FROM wallet_budgets WHERE platform_id = ${scope.platformId} AND live_mode = ${scope.liveMode} AND account_id = ANY(${arr(accountIds, "bigint")})`),
  );
  return new Map(rows.map((r) => [Number(r.account_id), toBudget(r)]));
}

/** Sum of each account's active holds at `at`: an expired hold no longer counts, marked or not. */
export async function heldOf(db: DbOrTx, accountIds: number[], at: Date): Promise<Map<number, Decimal>> {
  if (accountIds.length === 0) return new Map();
  const rows = rowsOf<{ account_id: string | number; held: string }>(
    await db.execute(sql`SELECT account_id, sum(amount)::text AS held FROM wallet_holds
      WHERE account_id = ANY(${arr(accountIds, "bigint")}) AND status = 'active' AND expires_at > ${at.toISOString()}::timestamptz GROUP BY account_id`),
  );
  return new Map(rows.map((r) => [Number(r.account_id), dec(r.held)]));
}

/** The usage debits of the budget's account (and lane) in the period, summed from the ledger. */
function ledgerSpentSql(budget: Budget, period: { start: Date; end: Date }): SQL {
  const lane = budget.lane
    ? sql`AND EXISTS (SELECT 1 FROM ledger_transfers t JOIN events ev ON ev.platform_id = t.platform_id AND ev.live_mode = t.live_mode AND ev.id = t.reference_id
        WHERE t.id = e.transfer_id AND t.reference_type = 'event' AND ev.data ->> ${budget.lane.dimension} = ${budget.lane.value})`
    : sql``;
  return sql`SELECT coalesce(-sum(e.amount), 0) FROM ledger_entries e WHERE e.account_id = ${budget.accountId} AND e.category = 'usage_fee'
    AND e.amount < 0 AND e.created_at >= ${period.start.toISOString()}::timestamptz AND e.created_at < ${period.end.toISOString()}::timestamptz ${lane}`;
}

/**
 * This period's spend and alerted thresholds. With `write` (the caller holds the account's row lock)
 * a period seen for the first time is started from the ledger and kept from then on by each debit;
 * without, a period not started yet is summed on the fly.
 */
export async function periodSpend(db: DbOrTx, budget: Budget, at: Date, write: boolean) {
  const period = periodBounds(budget.period, at);
  const start = period.start.toISOString();
  const existing = sql`SELECT spent::text, alerted FROM wallet_budget_periods WHERE account_id = ${budget.accountId} AND period_start = ${start}::timestamptz`;
  const query = write
    ? sql`WITH ins AS (INSERT INTO wallet_budget_periods (account_id, period_start, spent)
          SELECT ${budget.accountId}, ${start}::timestamptz, (${ledgerSpentSql(budget, period)}) ON CONFLICT DO NOTHING RETURNING spent::text, alerted)
        SELECT * FROM ins UNION ALL ${existing}`
    : sql`${existing} UNION ALL SELECT (${ledgerSpentSql(budget, period)})::text, '{}'::integer[] LIMIT 1`;
  const [row] = rowsOf<{ spent: string; alerted: number[] }>(await db.execute(query));
  return { period, spent: dec(row?.spent ?? "0"), alerted: row?.alerted ?? [] };
}

/**
 * The guardrail state of wallet accounts whose rows the caller has locked (lib/domain/ledger lockAccounts),
 * so nothing it reads can change before the caller's transaction ends.
 */
export async function lockedGuardStates(db: DbOrTx, scope: PlatformScope, accountIds: number[], at: Date): Promise<Map<number, GuardState>> {
  const [budgets, held] = await Promise.all([budgetsOf(db, scope, accountIds), heldOf(db, accountIds, at)]);
  const out = new Map<number, GuardState>();
  for (const id of accountIds) {
    const budget = budgets.get(id) ?? null;
    const spend = budget ? await periodSpend(db, budget, at, true) : null;
    out.set(id, { budget, period: spend?.period ?? null, spent: spend?.spent ?? ZERO, alerted: spend?.alerted ?? [], held: held.get(id) ?? ZERO });
  }
  return out;
}

/** Whether a budget with a hard stop refuses a change that adds `added` to the period's spend plus holds. */
export function overLimit(state: GuardState, added: Decimal): boolean {
  if (!state.budget?.hardStop || !added.gt(0)) return false;
  return state.spent.plus(state.held).plus(added).gt(state.budget.limit);
}
