import { assetName } from "@/lib/kernel/i18n/asset-name";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SpendSection } from "@/components/charts/spend-section";
import { SpendStaticBars } from "@/components/charts/spend-static-bars";
import { Card } from "@/components/ui/card";
import { UsageTable } from "@/components/usage/usage-table";
import type { PortalContext } from "@/lib/workflows/portal/portal-context";
import { usageKeys } from "@/lib/workflows/queries/keys";
import { assetDisplay, listBalances } from "@/lib/domain/wallet/balances";
import { mostUsedAsset } from "@/lib/workflows/wallet/spend/primary-asset";
import { usageFiltersSchema } from "@/lib/workflows/wallet/usage/filters";
import { listUsage } from "@/lib/workflows/wallet/usage/list-usage";

/** The last 30 days of spend in the asset the customer uses most. */
export async function OverviewSpend({ ctx }: { ctx: PortalContext }) {
  const balances = await listBalances(ctx.readDb, ctx.scope);
  const code = await mostUsedAsset(ctx.readDb, ctx.scope, balances.map((b) => b.asset.code));
  const asset = balances.find((b) => b.asset.code === code)?.asset;
  const t = await getTranslations("overview");
  return (
    <Card className="p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">{asset ? t("spendingLast30In", { asset: assetName(asset, ctx.locale) }) : t("spendingLast30")}</h2>
        <Link href="/spend" className="text-sm font-medium text-brand-text">{t("allSpending")}</Link>
      </div>
      {asset ? (
        <SpendSection ctx={ctx} asset={asset} range="30d" bucket="day" inFiat={false} height={200} chart={SpendStaticBars} />
      ) : (
        <p className="mt-3 text-sm text-fg-muted">{t("nothingSpent")}</p>
      )}
    </Card>
  );
}

/** The five latest usage records, with how each was billed. */
export async function OverviewUsage({ ctx }: { ctx: PortalContext }) {
  const client = new QueryClient();
  const t = await getTranslations("overview");
  const [balances] = await Promise.all([
    listBalances(ctx.readDb, ctx.scope),
    client.prefetchInfiniteQuery({
      queryKey: usageKeys.list({}),
      queryFn: () => listUsage(ctx.readDb, ctx.scope, usageFiltersSchema.parse({ limit: 5 }), ctx.timeZone),
      initialPageParam: null as string | null,
    }),
  ]);
  return (
    <section aria-labelledby="latest-usage" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="latest-usage" className="font-semibold">{t("latestUsage")}</h2>
        <Link href="/usage" className="text-sm font-medium text-brand-text">{t("allUsage")}</Link>
      </div>
      <HydrationBoundary state={dehydrate(client)}>
        <UsageTable query={{}} assets={Object.fromEntries(balances.map((b) => [b.asset.code, assetDisplay(b.asset)]))} locale={ctx.locale} timeZone={ctx.timeZone} filtered={false} compact />
      </HydrationBoundary>
    </section>
  );
}
