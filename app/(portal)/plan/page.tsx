import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { PlanPanel } from "@/components/subscriptions/plan-panel";
import { getPortalContext } from "@/lib/workflows/portal/portal-context";
import { planOverview } from "@/lib/workflows/subscriptions/portal-plan";
import { pageTitle } from "@/components/portal/page-title";

export const generateMetadata = pageTitle("plan");

export default async function PlanPage() {
  const ctx = await getPortalContext();
  const overview = await planOverview(ctx.readDb, ctx.scope);
  const [t, titles] = await Promise.all([getTranslations("plan"), getTranslations("titles")]);
  return (
    <div className="space-y-6">
      <PageHeader title={titles("plan")} description={t("description")} />
      <PlanPanel initial={overview} locale={ctx.locale} timeZone={ctx.timeZone} />
    </div>
  );
}
