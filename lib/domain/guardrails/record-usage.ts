import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/kernel/db";
import { pgArray as arr } from "@/lib/kernel/db/arrays";
import { rowsOf } from "@/lib/kernel/db/rows";
import { stringifyJson } from "@/lib/kernel/json";
import { ZERO, type Decimal } from "@/lib/kernel/money";
import type { PlatformScope } from "@/lib/kernel/scope";
import { emitWebhookEvent } from "@/lib/domain/outbound-webhooks/emit";
import { formatAccountId } from "@/lib/domain/wallet/account-id";
import type { GuardState } from "./guard-state";
import type { Hold } from "./hold-views";
import { effects, type UsageItem } from "./usage-effects";

async function settleHolds(tx: Tx, settled: { item: UsageItem; hold: Hold }[], at: Date): Promise<void> {
  if (settled.length === 0) return;
  const charged = settled.map(({ item, hold }) => item.fees.filter((f) => f.asset === hold.asset).reduce((sum, f) => sum.plus(f.amount), ZERO));
  await tx.execute(sql`UPDATE wallet_holds h SET status = 'settled', settled_amount = s.amount, event_id = s.event_id, resolved_at = ${at.toISOString()}::timestamptz
    FROM unnest(${arr(settled.map((s) => s.hold.id), "text")}, ${arr(charged.map((c) => c.toString()), "numeric")}, ${arr(settled.map((s) => s.item.eventId), "text")})
      AS s(id, amount, event_id)
    WHERE h.id = s.id AND h.status = 'active'`);
}

/** Adds the spend to the period and sends `budget.threshold_reached` for each threshold it reaches for the first time this period. */
async function addSpend(tx: Tx, scope: PlatformScope, state: GuardState, accountId: number, added: Decimal): Promise<void> {
  const budget = state.budget!;
  const spent = state.spent.plus(added);
  const reached = budget.thresholds.filter((t) => !state.alerted.includes(t) && spent.gte(budget.limit.times(t).div(100)));
  await tx.execute(sql`UPDATE wallet_budget_periods SET spent = spent + ${added.toString()}, alerted = alerted || ${sql.param(reached)}::integer[]
    WHERE account_id = ${accountId} AND period_start = ${state.period!.start.toISOString()}::timestamptz`);
  const asset = await accountAsset(tx, accountId);
  for (const threshold of reached) {
    const data = {
      customer_id: budget.customerId,
      account_id: formatAccountId(asset.name, asset.asset),
      asset: asset.asset,
      threshold,
      limit: budget.limit,
      spent,
      period: budget.period,
      period_start: state.period!.start.toISOString(),
      period_end: state.period!.end.toISOString(),
      hard_stop: budget.hardStop,
      lane: budget.lane,
    };
    // Through stringifyJson so the decimals are stored as JSON numbers, as the API writes them.
    await emitWebhookEvent(tx, scope, "budget.threshold_reached", JSON.parse(stringifyJson(data)) as Record<string, unknown>);
  }
}

async function accountAsset(tx: Tx, accountId: number): Promise<{ name: string; asset: string }> {
  const [row] = rowsOf<{ name: string; asset_code: string }>(await tx.execute(sql`SELECT name, asset_code FROM ledger_accounts WHERE id = ${accountId}`));
  return { name: row!.name, asset: row!.asset_code };
}

/**
 * Records what the stored events of a screened batch did, still under the accounts' row locks: their
 * holds settled (the rest of each hold released with it), their spend added to each budgeted account's
 * period, and the thresholds that spend reached alerted once.
 */
export async function recordUsage(
  tx: Tx,
  scope: PlatformScope,
  accepted: { item: UsageItem; hold: Hold | null }[],
  ids: Map<string, number>,
  states: Map<number, GuardState>,
  at: Date,
): Promise<void> {
  await settleHolds(tx, accepted.flatMap((a) => (a.hold?.status === "active" ? [{ item: a.item, hold: a.hold }] : [])), at);
  const added = new Map<number, Decimal>();
  for (const { item, hold } of accepted) {
    for (const [id, change] of effects(item, hold, ids, states)) added.set(id, (added.get(id) ?? ZERO).plus(change.spend));
  }
  for (const [id, amount] of added) {
    const state = states.get(id)!;
    if (state.budget && amount.gt(0)) await addSpend(tx, scope, state, id, amount);
  }
}
