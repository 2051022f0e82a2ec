import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { BalanceCards } from "@/components/wallet/balance-cards";
import { getPortalContext } from "@/lib/portal/portal-context";
import { balanceKeys } from "@/lib/queries/keys";
import { balanceViews } from "@/lib/wallet/balance-views";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const ctx = await getPortalContext();
  const client = new QueryClient();
  await client.prefetchQuery({ queryKey: balanceKeys.all, queryFn: () => balanceViews(ctx.db, ctx.scope) });
  return (
    <div className="space-y-6">
      <PageHeader title="Overview" description="Your balances, in every currency and credit type you use." />
      <HydrationBoundary state={dehydrate(client)}>
        <BalanceCards locale={ctx.locale} canTopUp={false} />
      </HydrationBoundary>
    </div>
  );
}
