import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { CreditTimeline } from "@/components/credits/credit-timeline";
import { RedeemCouponForm } from "@/components/credits/redeem-coupon-form";
import { Card, PageHeader } from "@/components/ui/card";
import { creditTimeline } from "@/lib/domain/grants/timeline";
import { getPortalContext } from "@/lib/workflows/portal/portal-context";
import { creditKeys } from "@/lib/workflows/queries/keys";
import { pageTitle } from "@/components/portal/page-title";

export const generateMetadata = pageTitle("credits");

export default async function CreditsPage() {
  const ctx = await getPortalContext();
  const client = new QueryClient();
  await client.prefetchQuery({ queryKey: creditKeys.timeline, queryFn: () => creditTimeline(ctx.readDb, ctx.scope) });
  return (
    <div className="space-y-6">
      <PageHeader title="Credits" description="Your credits in the order they are used: promotional first, then plan credits, then purchased; the soonest to expire first." />
      <HydrationBoundary state={dehydrate(client)}>
        <Card className="p-4 sm:p-6">
          <h2 className="mb-3 text-lg font-semibold">Have a coupon?</h2>
          <RedeemCouponForm locale={ctx.locale} />
        </Card>
        <h2 className="text-lg font-semibold">Your credits</h2>
        <CreditTimeline locale={ctx.locale} timeZone={ctx.timeZone} />
      </HydrationBoundary>
    </div>
  );
}
