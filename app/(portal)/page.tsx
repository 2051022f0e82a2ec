import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { platformTitle } from "@/components/portal/platform-title";
import { OverviewGuardrails } from "@/components/guardrails/overview-guardrails";
import { PageHeader } from "@/components/ui/card";
import { BalanceCards } from "@/components/wallet/balance-cards";
import { OverviewSpend, OverviewUsage } from "@/components/wallet/overview-sections";
import { getPortalContext } from "@/lib/workflows/portal/portal-context";
import { balanceKeys } from "@/lib/workflows/queries/keys";
import { balanceViews } from "@/lib/workflows/wallet/balance-views";
import { spendFigures } from "@/lib/workflows/wallet/spend/spend-summary";

// The group layout's title template reaches only the pages below it, not this one beside it.
export async function generateMetadata(): Promise<Metadata> {
  const { platform } = await getPortalContext();
  const titles = await getTranslations("titles");
  return { title: { absolute: (await platformTitle(platform.branding)).template.replace("%s", titles("overview")) } };
}

export default async function OverviewPage() {
  const ctx = await getPortalContext();
  const client = new QueryClient();
  const balances = await client.fetchQuery({ queryKey: balanceKeys.all, queryFn: () => balanceViews(ctx.readDb, ctx.scope) });
  // Not awaited: the balances paint first and these figures stream into the cards when ready.
  const figures = spendFigures(ctx.readDb, ctx.scope, balances, ctx.timeZone);
  const [t, titles] = await Promise.all([getTranslations("overview"), getTranslations("titles")]);
  return (
    <div className="space-y-6">
      <PageHeader title={titles("overview")} description={t("description")} />
      <HydrationBoundary state={dehydrate(client)}>
        <BalanceCards locale={ctx.locale} canTopUp figures={figures} />
      </HydrationBoundary>
      <Suspense fallback={null}>
        <OverviewGuardrails ctx={ctx} />
      </Suspense>
      <Suspense fallback={<div className="h-[18.5rem] animate-pulse rounded-xl border border-line bg-surface-raised" />}>
        <OverviewSpend ctx={ctx} />
      </Suspense>
      <Suspense fallback={<div className="h-64 animate-pulse rounded-xl bg-surface-sunken" />}>
        <OverviewUsage ctx={ctx} />
      </Suspense>
    </div>
  );
}
