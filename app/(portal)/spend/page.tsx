import { assetName } from "@/lib/kernel/i18n/asset-name";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { SpendChart } from "@/components/charts/spend-chart";
import { SpendSection } from "@/components/charts/spend-section";
import { BreakDownBy } from "@/components/spend-lanes/break-down-by";
import { LaneFilterChip } from "@/components/spend-lanes/lane-filter-chip";
import { LaneSection } from "@/components/spend-lanes/lane-section";
import { spendHref, type SpendPageQuery } from "@/components/spend-lanes/spend-href";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { SegmentedLinks } from "@/components/ui/segmented-links";
import { getPortalContext } from "@/lib/workflows/portal/portal-context";
import { searchOf } from "@/lib/workflows/queries/keys";
import { listBalances } from "@/lib/domain/wallet/balances";
import { laneFieldsSchema } from "@/lib/workflows/wallet/spend/lanes/lane-fields";
import { rangeWindow } from "@/lib/workflows/wallet/spend/lanes/lane-spend";
import { laneFilterOf, laneOf, visibleLanes } from "@/lib/workflows/wallet/spend/lanes/visible-lanes";
import { SPEND_RANGES, spendQuerySchema, type SpendRange } from "@/lib/workflows/wallet/spend/ranges";
import { pageTitle } from "@/components/portal/page-title";

export const generateMetadata = pageTitle("spend");

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SpendPage({ searchParams }: { searchParams: Search }) {
  const ctx = await getPortalContext();
  const raw = await searchParams;
  const [balances, lanes] = await Promise.all([listBalances(ctx.readDb, ctx.scope), visibleLanes(ctx.readDb, ctx.scope)]);
  const q = spendQuerySchema.parse({ range: raw.range, bucket: raw.bucket, asset: raw.asset, unit: raw.unit });
  const l = laneFieldsSchema.parse({ by: raw.by, lane: raw.lane, lane_value: raw.lane_value });
  const selected = balances.find((b) => b.asset.code === q.asset) ?? balances[0];
  const [t, titles] = await Promise.all([getTranslations("spend"), getTranslations("titles")]);
  if (!selected) {
    return (
      <div className="space-y-6">
        <PageHeader title={titles("spend")} />
        <EmptyState title={t("nothingYet")}>{t("nothingYetText")}</EmptyState>
      </div>
    );
  }
  // Only lanes the platform marked visible reach the page; a filter alone breaks down by its own lane.
  const filter = laneFilterOf(lanes, l.lane, l.lane_value);
  const by = laneOf(lanes, l.by) ?? (filter ? laneOf(lanes, filter.dimension) : null);
  const query: SpendPageQuery = { ...q, asset: selected.asset.code, by: by?.dimension, lane: filter?.dimension, lane_value: filter?.value };
  const href = (change: Partial<SpendPageQuery>) => spendHref(query, change);
  const custom = selected.asset.kind === "custom" && selected.asset.rates.length > 0;
  const inFiat = custom && query.unit === "fiat";
  const name = assetName(selected.asset, ctx.locale);
  return (
    <div className="space-y-6">
      <PageHeader title={titles("spend")} description={t("description")} />
      <div className="flex flex-wrap items-center gap-3">
        {balances.length > 1 && (
          <SegmentedLinks label={t("balance")} segments={balances.map((b) => ({ href: href({ asset: b.asset.code, unit: "asset" }), label: assetName(b.asset, ctx.locale), active: b === selected }))} />
        )}
        <SegmentedLinks
          label={t("period")}
          segments={(Object.keys(SPEND_RANGES) as SpendRange[]).map((r) => ({ href: href({ range: r, bucket: SPEND_RANGES[r].buckets[0] }), label: t("range", { range: r }), active: r === query.range }))}
        />
        {SPEND_RANGES[query.range].buckets.length > 1 && (
          <SegmentedLinks label={t("grouping")} segments={SPEND_RANGES[query.range].buckets.map((b) => ({ href: href({ bucket: b }), label: t("bucket", { bucket: b }), active: b === query.bucket }))} />
        )}
        {custom && (
          <SegmentedLinks
            label={t("showIn")}
            segments={[
              { href: href({ unit: "asset" }), label: selected.asset.label ?? name, active: query.unit === "asset" },
              { href: href({ unit: "fiat" }), label: selected.asset.rates[0]!.source, active: query.unit === "fiat" },
            ]}
          />
        )}
        <BreakDownBy lanes={lanes} current={by?.dimension} href={(dimension) => href({ by: dimension, ...(dimension ? {} : { lane: undefined, lane_value: undefined }) })} />
      </div>
      {filter && <LaneFilterChip label={laneOf(lanes, filter.dimension)!.label} value={filter.value} clearHref={href({ lane: undefined, lane_value: undefined })} />}
      <Card className="p-5">
        <h2 className="font-semibold">{name}</h2>
        <Suspense key={searchOf({ ...query })} fallback={<div className="mt-3 h-72 animate-pulse rounded-lg bg-surface-sunken" />}>
          {by ? (
            <LaneSection
              ctx={ctx}
              asset={selected.asset}
              request={{ by: by.dimension, lane: filter?.dimension, laneValue: filter?.value, ...(await rangeWindow(ctx.readDb, query.range, query.bucket, ctx.timeZone)) }}
              inFiat={inFiat}
              caption={t("caption", { asset: name, bucket: query.bucket, range: query.range })}
              filterHref={(value) => (filter?.dimension === by.dimension && filter.value === value ? null : href({ lane: by.dimension, lane_value: value }))}
              chart={SpendChart}
            />
          ) : (
            <SpendSection ctx={ctx} asset={selected.asset} range={query.range} bucket={query.bucket} inFiat={inFiat} chart={SpendChart} />
          )}
        </Suspense>
      </Card>
    </div>
  );
}
