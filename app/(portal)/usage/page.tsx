import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { UsageFilters } from "@/components/usage/usage-filters";
import { UsageTable } from "@/components/usage/usage-table";
import { getPortalContext } from "@/lib/workflows/portal/portal-context";
import { searchOf, usageKeys } from "@/lib/workflows/queries/keys";
import { assetDisplay, listBalances } from "@/lib/domain/wallet/balances";
import { usageFiltersSchema } from "@/lib/workflows/wallet/usage/filters";
import { listUsage } from "@/lib/workflows/wallet/usage/list-usage";
import { customerProducts } from "@/lib/workflows/wallet/usage/products";
import { pageTitle } from "@/components/portal/page-title";

export const generateMetadata = pageTitle("usage");

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function UsagePage({ searchParams }: { searchParams: Search }) {
  const ctx = await getPortalContext();
  const raw = await searchParams;
  const filters = usageFiltersSchema.parse({ from: raw.from, to: raw.to, product: raw.product });
  const query = { from: filters.from, to: filters.to, product: filters.product };
  const client = new QueryClient();
  const [balances, products] = await Promise.all([
    listBalances(ctx.readDb, ctx.scope),
    customerProducts(ctx.readDb, ctx.scope),
    client.prefetchInfiniteQuery({
      queryKey: usageKeys.list(query),
      queryFn: () => listUsage(ctx.readDb, ctx.scope, filters, ctx.timeZone),
      initialPageParam: null as string | null,
    }),
  ]);
  const [t, titles] = await Promise.all([getTranslations("usage"), getTranslations("titles")]);
  const assets = Object.fromEntries(balances.map((b) => [b.asset.code, assetDisplay(b.asset)]));
  return (
    <div className="space-y-6">
      <PageHeader title={titles("usage")} description={t("description")} />
      <UsageFilters products={products} current={query} />
      <HydrationBoundary state={dehydrate(client)}>
        <UsageTable
          key={searchOf(query)}
          query={query}
          assets={assets}
          locale={ctx.locale}
          timeZone={ctx.timeZone}
          filtered={Boolean(query.from || query.to || query.product)}
        />
      </HydrationBoundary>
    </div>
  );
}
