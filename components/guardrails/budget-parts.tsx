import Link from "next/link";
import { useTranslations } from "next-intl";
import { assetName } from "@/lib/kernel/i18n/asset-name";
import { formatAmount } from "@/lib/kernel/money/format";
import { formatDate, formatDateTime } from "@/lib/kernel/format/dates";
import type { BudgetCardView, HoldCardView } from "@/lib/workflows/wallet/guardrails-view";

/** Spend against the limit: a bar and the figures, with active holds beside them. */
export function BudgetMeter({ budget, locale }: { budget: BudgetCardView; locale: string }) {
  const t = useTranslations("budget");
  if (budget.limit === null) return <p className="text-sm text-fg-muted">{t("noneSet", { asset: assetName(budget.asset, locale) })}</p>;
  const width = Math.min(budget.percent ?? 0, 100);
  const tone = budget.percent !== null && budget.percent >= 100 ? "bg-danger" : budget.reached !== null ? "bg-warning" : "bg-brand";
  return (
    <div data-testid={`budget-meter-${budget.accountId}`}>
      <p className="text-sm">
        {t.rich("meter", {
          spent: formatAmount(budget.spent, budget.asset, locale),
          limit: formatAmount(budget.limit, budget.asset, locale),
          period: budget.period,
          percent: budget.percent ?? 0,
          hardStop: budget.hardStop ? "yes" : "no",
          strong: (chunks) => <span className="tabular font-medium">{chunks}</span>,
          num: (chunks) => <span className="tabular">{chunks}</span>,
        })}
      </p>
      <div className="mt-2 h-2 overflow-hidden rounded-full bg-surface-sunken" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={width} aria-label={t("meterLabel", { period: budget.period })}>
        <div className={`h-full ${tone}`} style={{ width: `${width}%` }} />
      </div>
      {budget.held !== "0" && <p className="mt-1 text-xs text-fg-muted">{t("held", { amount: formatAmount(budget.held, budget.asset, locale) })}</p>}
    </div>
  );
}

/** Shown once this period's spend has reached one of the budget's thresholds. */
export function BudgetBanner({ budget, locale, timeZone, manageLink = true }: { budget: BudgetCardView; locale: string; timeZone: string; manageLink?: boolean }) {
  const t = useTranslations("budget");
  if (budget.reached === null || budget.limit === null) return null;
  const resets = formatDate(budget.periodEnd, locale, timeZone);
  const usedUp = (budget.percent ?? 0) >= 100;
  return (
    <div role="status" data-testid="budget-banner" className={`rounded-lg border px-4 py-3 text-sm ${usedUp ? "border-danger bg-danger-soft text-danger" : "border-warning bg-warning-soft text-warning"}`}>
      {t.rich("banner", {
        usedUp: usedUp ? "yes" : "no",
        reached: budget.reached,
        spent: formatAmount(budget.spent, budget.asset, locale),
        limit: formatAmount(budget.limit, budget.asset, locale),
        period: budget.period,
        percent: budget.percent ?? 0,
        strong: (chunks) => <strong>{chunks}</strong>,
      })}{" "}
      {usedUp && budget.hardStop ? t("paused", { date: resets }) : t("resets", { date: resets })}{" "}
      {manageLink && <Link href="/budget" className="font-medium underline">{t("manage")}</Link>}
    </div>
  );
}

/** Work the platform has reserved funds for and not yet charged. */
export function HoldsList({ holds, locale, timeZone }: { holds: HoldCardView[]; locale: string; timeZone: string }) {
  const t = useTranslations("budget");
  if (holds.length === 0) return <p className="text-sm text-fg-muted" data-testid="no-holds">{t("noHolds")}</p>;
  return (
    <ul className="divide-y divide-line" data-testid="holds-list">
      {holds.map((h) => (
        <li key={h.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm">
          <span>
            <span className="font-medium">{h.subject ?? h.description ?? t("workInProgress")}</span>
            <span className="block text-xs text-fg-muted">{t("holdTimes", { start: formatDateTime(h.createdAt, locale, timeZone), end: formatDateTime(h.expiresAt, locale, timeZone) })}</span>
          </span>
          <span className="tabular">{t("holdAmount", { amount: formatAmount(h.amount, h.asset, locale) })}</span>
        </li>
      ))}
    </ul>
  );
}
