import { PageHeader } from "@/components/ui/card";
import { PlanPanel } from "@/components/subscriptions/plan-panel";
import { getPortalContext } from "@/lib/workflows/portal/portal-context";
import { planOverview } from "@/lib/workflows/subscriptions/portal-plan";
import { pageTitle } from "@/components/portal/page-title";

export const generateMetadata = pageTitle("plan");

export default async function PlanPage() {
  const ctx = await getPortalContext();
  const overview = await planOverview(ctx.readDb, ctx.scope);
  return (
    <div className="space-y-6">
      <PageHeader title="Plan" description="Your plan, when it renews, and the plans on offer." />
      <PlanPanel initial={overview} locale={ctx.locale} timeZone={ctx.timeZone} />
    </div>
  );
}
