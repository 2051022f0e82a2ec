import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { PortalContext } from "@/lib/workflows/portal/portal-context";
import { guardrailsOverview } from "@/lib/workflows/wallet/guardrails-view";
import { BudgetBanner, BudgetMeter, HoldsList } from "./budget-parts";

/** The overview's budget section: a banner per threshold reached, spend against each budget, and the work in flight. Nothing when neither exists. */
export async function OverviewGuardrails({ ctx }: { ctx: PortalContext }) {
  const { budgets, holds } = await guardrailsOverview(ctx.readDb, ctx.scope);
  const set = budgets.filter((b) => b.limit !== null);
  if (set.length === 0 && holds.length === 0) return null;
  const t = await getTranslations("budget");
  return (
    <div className="space-y-3">
      {set.map((b) => <BudgetBanner key={b.accountId} budget={b} locale={ctx.locale} timeZone={ctx.timeZone} />)}
      <Card className="space-y-4 p-5">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="font-semibold">{t("heading")}</h2>
          <Link href="/budget" className="text-sm font-medium text-brand-text">{t("manage")}</Link>
        </div>
        {set.map((b) => <BudgetMeter key={b.accountId} budget={b} locale={ctx.locale} />)}
        {holds.length > 0 && (
          <div>
            <h3 className="text-sm font-medium">{t("workInProgress")}</h3>
            <HoldsList holds={holds} locale={ctx.locale} timeZone={ctx.timeZone} />
          </div>
        )}
      </Card>
    </div>
  );
}
