import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { LaneFilterChip } from "@/components/spend-lanes/lane-filter-chip";
import { UsageLanes } from "@/components/spend-lanes/usage-lanes";
import { secondaryButton } from "@/components/ui/button-styles";
import { PageHeader } from "@/components/ui/card";
import { UsageFilters } from "@/components/usage/usage-filters";
import { UsageTable } from "@/components/usage/usage-table";
import { getPortalContext } from "@/lib/workflows/portal/portal-context";
import { searchOf, usageKeys } from "@/lib/workflows/queries/keys";
import { assetDisplay, listBalances } from "@/lib/domain/wallet/balances";
import { laneFilterOf, laneOf, visibleLanes } from "@/lib/workflows/wallet/spend/lanes/visible-lanes";
import { usageFiltersSchema } from "@/lib/workflows/wallet/usage/filters";
import { listUsage } from "@/lib/workflows/wallet/usage/list-usage";
import { customerProducts } from "@/lib/workflows/wallet/usage/products";
import { pageTitle } from "@/components/portal/page-title";

export const generateMetadata = pageTitle("usage");

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function UsagePage({ searchParams }: { searchParams: Search }) {
  const ctx = await getPortalContext();
  const raw = await searchParams;
  const parsed = usageFiltersSchema.parse({ from: raw.from, to: raw.to, product: raw.product, by: raw.by, lane: raw.lane, lane_value: raw.lane_value });
  // Only lanes the platform marked visible reach the page; anything else in the URL is dropped.
  const lanes = await visibleLanes(ctx.readDb, ctx.scope);
  const filter = laneFilterOf(lanes, parsed.lane, parsed.lane_value);
  const by = laneOf(lanes, parsed.by);
  const filters = { ...parsed, by: by?.dimension, lane: filter?.dimension, lane_value: filter?.value };
  const query = { from: filters.from, to: filters.to, product: filters.product, lane: filters.lane, lane_value: filters.lane_value };
  const href = (change: Record<string, string | undefined>) => `/usage?${searchOf({ ...query, by: filters.by, ...change })}`;
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
  const [t, titles, transactions] = await Promise.all([getTranslations("usage"), getTranslations("titles"), getTranslations("transactions")]);
  const assets = Object.fromEntries(balances.map((b) => [b.asset.code, assetDisplay(b.asset)]));
  return (
    <div className="space-y-6">
      <PageHeader
        title={titles("usage")}
        description={t("description")}
        actions={
          <a href={`/api/portal/usage/export?${searchOf(query)}`} download className={secondaryButton} data-testid="usage-export-csv">
            {transactions("exportCsv")}
          </a>
        }
      />
      <UsageFilters products={products} current={{ ...query, by: filters.by }} lanes={lanes} />
      {filter && <LaneFilterChip label={laneOf(lanes, filter.dimension)!.label} value={filter.value} clearHref={href({ lane: undefined, lane_value: undefined })} />}
      {by && (
        <UsageLanes
          ctx={ctx}
          assets={balances.map((b) => b.asset)}
          by={by}
          filter={filter}
          dates={query}
          filterHref={(value) => (filter?.dimension === by.dimension && filter.value === value ? null : href({ lane: by.dimension, lane_value: value }))}
        />
      )}
      <HydrationBoundary state={dehydrate(client)}>
        <UsageTable
          key={searchOf(query)}
          query={query}
          assets={assets}
          locale={ctx.locale}
          timeZone={ctx.timeZone}
          filtered={Boolean(query.from || query.to || query.product || query.lane)}
          lanes={lanes}
        />
      </HydrationBoundary>
    </div>
  );
}
