import type { AssetDisplay } from "@/lib/kernel/money/format";
import type { DbOrTx } from "@/lib/kernel/db";
import type { CustomerScope } from "@/lib/kernel/scope";
import { getBudget } from "@/lib/domain/guardrails/budgets";
import { listHolds } from "@/lib/domain/guardrails/hold-views";
import type { BudgetPeriod } from "@/lib/domain/guardrails/periods";
import { assetDisplay, listBalances } from "@/lib/domain/wallet/balances";

/** One account's budget as the portal shows it; amounts are exact decimal strings. */
export interface BudgetCardView {
  accountId: string;
  asset: AssetDisplay;
  limit: string | null;
  period: BudgetPeriod;
  thresholds: number[];
  hardStop: boolean;
  spent: string;
  held: string;
  /** The highest threshold this period's spend has reached, or null. */
  reached: number | null;
  /** Spend as a whole percentage of the limit (0 for a zero limit with nothing spent). */
  percent: number | null;
  periodEnd: string;
  customerEditable: boolean;
  maxLimit: string | null;
}

export interface HoldCardView {
  id: string;
  subject: string | null;
  description: string | null;
  amount: string;
  asset: AssetDisplay;
  expiresAt: string;
  createdAt: string;
}

const MAX_HOLDS_SHOWN = 20;

/** The customer's budgets (one per account they hold) and the work in flight: holds still active. */
export async function guardrailsOverview(db: DbOrTx, scope: CustomerScope): Promise<{ budgets: BudgetCardView[]; holds: HoldCardView[] }> {
  const balances = await listBalances(db, scope);
  const assets = new Map(balances.map((b) => [b.asset.code, assetDisplay(b.asset)]));
  const [views, holds] = await Promise.all([
    Promise.all(balances.map((b) => getBudget(db, scope, b.account.id))),
    listHolds(db, scope, { limit: MAX_HOLDS_SHOWN, offset: 0 }, true),
  ]);
  const budgets = views.map((v): BudgetCardView => {
    const percent = v.limit === null ? null : v.limit.isZero() ? (v.spent.gt(0) ? 100 : 0) : v.spent.div(v.limit).times(100).floor().toNumber();
    return {
      accountId: v.accountId,
      asset: assets.get(v.asset)!,
      limit: v.limit?.toString() ?? null,
      period: v.period,
      thresholds: v.thresholds,
      hardStop: v.hardStop,
      spent: v.spent.toString(),
      held: v.held.toString(),
      reached: v.reached.at(-1) ?? null,
      percent,
      periodEnd: v.periodEnd.toISOString(),
      customerEditable: v.customerEditable,
      maxLimit: v.maxLimit?.toString() ?? null,
    };
  });
  const inFlight = holds.items.flatMap((h): HoldCardView[] => {
    const asset = assets.get(h.asset);
    if (!asset) return [];
    return [{ id: h.id, subject: h.subject, description: h.description, amount: h.amount.toString(), asset, expiresAt: h.expiresAt.toISOString(), createdAt: h.createdAt.toISOString() }];
  });
  return { budgets, holds: inFlight };
}
