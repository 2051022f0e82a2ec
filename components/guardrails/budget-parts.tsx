import Link from "next/link";
import { formatAmount } from "@/lib/kernel/money/format";
import { formatDate, formatDateTime } from "@/lib/kernel/format/dates";
import type { BudgetCardView, HoldCardView } from "@/lib/workflows/wallet/guardrails-view";

const PERIOD_NAMES = { day: "daily", week: "weekly", month: "monthly" } as const;

/** Spend against the limit: a bar and the figures, with active holds beside them. */
export function BudgetMeter({ budget, locale }: { budget: BudgetCardView; locale: string }) {
  if (budget.limit === null) return <p className="text-sm text-fg-muted">No budget set for {budget.asset.name}.</p>;
  const width = Math.min(budget.percent ?? 0, 100);
  const tone = budget.percent !== null && budget.percent >= 100 ? "bg-danger" : budget.reached !== null ? "bg-warning" : "bg-brand";
  return (
    <div data-testid={`budget-meter-${budget.accountId}`}>
      <p className="text-sm">
        <span className="tabular font-medium">{formatAmount(budget.spent, budget.asset, locale)}</span> of{" "}
        <span className="tabular">{formatAmount(budget.limit, budget.asset, locale)}</span> {PERIOD_NAMES[budget.period]} budget ({budget.percent}%)
        {budget.hardStop ? " · hard stop" : ""}
      </p>
      <div className="mt-2 h-2 overflow-hidden rounded-full bg-surface-sunken" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={width} aria-label={`${PERIOD_NAMES[budget.period]} budget used`}>
        <div className={`h-full ${tone}`} style={{ width: `${width}%` }} />
      </div>
      {budget.held !== "0" && <p className="mt-1 text-xs text-fg-muted">{formatAmount(budget.held, budget.asset, locale)} reserved for work in flight.</p>}
    </div>
  );
}

/** Shown once this period's spend has reached one of the budget's thresholds. */
export function BudgetBanner({ budget, locale, timeZone, manageLink = true }: { budget: BudgetCardView; locale: string; timeZone: string; manageLink?: boolean }) {
  if (budget.reached === null || budget.limit === null) return null;
  const resets = formatDate(budget.periodEnd, locale, timeZone);
  const usedUp = (budget.percent ?? 0) >= 100;
  return (
    <div role="status" data-testid="budget-banner" className={`rounded-lg border px-4 py-3 text-sm ${usedUp ? "border-danger bg-danger-soft text-danger" : "border-warning bg-warning-soft text-warning"}`}>
      <strong>{usedUp ? "Budget reached" : `${budget.reached}% of your budget used`}:</strong> you have spent {formatAmount(budget.spent, budget.asset, locale)} of your{" "}
      {PERIOD_NAMES[budget.period]} {formatAmount(budget.limit, budget.asset, locale)} budget ({budget.percent}%).{" "}
      {usedUp && budget.hardStop ? `New usage is paused until the budget resets on ${resets}.` : `It resets on ${resets}.`}{" "}
      {manageLink && <Link href="/budget" className="font-medium underline">Manage budget</Link>}
    </div>
  );
}

/** Work the platform has reserved funds for and not yet charged. */
export function HoldsList({ holds, locale, timeZone }: { holds: HoldCardView[]; locale: string; timeZone: string }) {
  if (holds.length === 0) return <p className="text-sm text-fg-muted" data-testid="no-holds">Nothing in progress.</p>;
  return (
    <ul className="divide-y divide-line" data-testid="holds-list">
      {holds.map((h) => (
        <li key={h.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm">
          <span>
            <span className="font-medium">{h.subject ?? h.description ?? "Work in progress"}</span>
            <span className="block text-xs text-fg-muted">Started {formatDateTime(h.createdAt, locale, timeZone)} · released by {formatDateTime(h.expiresAt, locale, timeZone)} if unused</span>
          </span>
          <span className="tabular">{formatAmount(h.amount, h.asset, locale)} reserved</span>
        </li>
      ))}
    </ul>
  );
}
