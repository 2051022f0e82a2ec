import { getTranslations } from "next-intl/server";
import { BudgetForm } from "@/components/guardrails/budget-form";
import { BudgetBanner, BudgetMeter, HoldsList } from "@/components/guardrails/budget-parts";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { pageTitle } from "@/components/portal/page-title";
import { assetName } from "@/lib/kernel/i18n/asset-name";
import { getPortalContext } from "@/lib/workflows/portal/portal-context";
import { guardrailsOverview } from "@/lib/workflows/wallet/guardrails-view";

export const generateMetadata = pageTitle("budget");

export default async function BudgetPage() {
  const ctx = await getPortalContext();
  const { budgets, holds } = await guardrailsOverview(ctx.db, ctx.scope);
  const [t, titles] = await Promise.all([getTranslations("budget"), getTranslations("titles")]);
  return (
    <div className="space-y-6">
      <PageHeader title={titles("budget")} description={t("description")} />
      {budgets.map((b) => <BudgetBanner key={b.accountId} budget={b} locale={ctx.locale} timeZone={ctx.timeZone} manageLink={false} />)}
      {budgets.length === 0 && <EmptyState title={t("noBalance")}>{t("noBalanceText")}</EmptyState>}
      {budgets.map((b) => (
        <Card key={b.accountId} className="space-y-4 p-5">
          <h2 className="font-semibold">{assetName(b.asset, ctx.locale)}</h2>
          <BudgetMeter budget={b} locale={ctx.locale} />
          <BudgetForm budget={b} name={assetName(b.asset, ctx.locale)} />
        </Card>
      ))}
      <Card className="p-5">
        <h2 className="font-semibold">{t("workInProgress")}</h2>
        <p className="mt-1 text-sm text-fg-muted">{t("workInProgressText")}</p>
        <div className="mt-3">
          <HoldsList holds={holds} locale={ctx.locale} timeZone={ctx.timeZone} />
        </div>
      </Card>
    </div>
  );
}
