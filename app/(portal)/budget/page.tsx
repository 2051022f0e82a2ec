import type { Metadata } from "next";
import { BudgetForm } from "@/components/guardrails/budget-form";
import { BudgetBanner, BudgetMeter, HoldsList } from "@/components/guardrails/budget-parts";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getPortalContext } from "@/lib/workflows/portal/portal-context";
import { guardrailsOverview } from "@/lib/workflows/wallet/guardrails-view";

export const metadata: Metadata = { title: "Budget" };

const DESCRIPTION =
  "Set how much you want to spend each day, week or month. You are alerted as spending reaches the percentages you choose; with a hard stop, usage that would go over the limit is refused.";

export default async function BudgetPage() {
  const ctx = await getPortalContext();
  const { budgets, holds } = await guardrailsOverview(ctx.db, ctx.scope);
  return (
    <div className="space-y-6">
      <PageHeader title="Budget" description={DESCRIPTION} />
      {budgets.map((b) => <BudgetBanner key={b.accountId} budget={b} locale={ctx.locale} timeZone={ctx.timeZone} manageLink={false} />)}
      {budgets.length === 0 && <EmptyState title="No balance yet">Once you have a balance you can set a budget for it here.</EmptyState>}
      {budgets.map((b) => (
        <Card key={b.accountId} className="space-y-4 p-5">
          <h2 className="font-semibold">{b.asset.name}</h2>
          <BudgetMeter budget={b} locale={ctx.locale} />
          <BudgetForm budget={b} />
        </Card>
      ))}
      <Card className="p-5">
        <h2 className="font-semibold">Work in progress</h2>
        <p className="mt-1 text-sm text-fg-muted">Funds reserved for work that has started and is not yet charged. What is not used is released.</p>
        <div className="mt-3">
          <HoldsList holds={holds} locale={ctx.locale} timeZone={ctx.timeZone} />
        </div>
      </Card>
    </div>
  );
}
