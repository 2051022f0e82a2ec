import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
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
  const [t, titles] = await Promise.all([getTranslations("credits"), getTranslations("titles")]);
  await client.prefetchQuery({ queryKey: creditKeys.timeline, queryFn: () => creditTimeline(ctx.readDb, ctx.scope) });
  return (
    <div className="space-y-6">
      <PageHeader title={titles("credits")} description={t("description")} />
      <HydrationBoundary state={dehydrate(client)}>
        <Card className="p-4 sm:p-6">
          <h2 className="mb-3 text-lg font-semibold">{t("haveCoupon")}</h2>
          <RedeemCouponForm locale={ctx.locale} />
        </Card>
        <h2 className="text-lg font-semibold">{t("yours")}</h2>
        <CreditTimeline locale={ctx.locale} timeZone={ctx.timeZone} />
      </HydrationBoundary>
    </div>
  );
}
