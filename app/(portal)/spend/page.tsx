import { assetName } from "@/lib/kernel/i18n/asset-name";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { SpendChart } from "@/components/charts/spend-chart";
import { SpendSection } from "@/components/charts/spend-section";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { SegmentedLinks } from "@/components/ui/segmented-links";
import { getPortalContext } from "@/lib/workflows/portal/portal-context";
import { searchOf } from "@/lib/workflows/queries/keys";
import { listBalances } from "@/lib/domain/wallet/balances";
import { SPEND_RANGES, spendQuerySchema, type SpendQuery, type SpendRange } from "@/lib/workflows/wallet/spend/ranges";
import { pageTitle } from "@/components/portal/page-title";

export const generateMetadata = pageTitle("spend");

type Search = Promise<Record<string, string | string[] | undefined>>;

function href(q: SpendQuery, change: Partial<SpendQuery>): string {
  const next = { ...q, ...change };
  return `/spend?${searchOf({ asset: next.asset, range: next.range, bucket: next.bucket, unit: next.unit === "fiat" ? "fiat" : undefined })}`;
}

export default async function SpendPage({ searchParams }: { searchParams: Search }) {
  const ctx = await getPortalContext();
  const raw = await searchParams;
  const balances = await listBalances(ctx.readDb, ctx.scope);
  const q = spendQuerySchema.parse({ range: raw.range, bucket: raw.bucket, asset: raw.asset, unit: raw.unit });
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
  const query: SpendQuery = { ...q, asset: selected.asset.code };
  const custom = selected.asset.kind === "custom" && selected.asset.rates.length > 0;
  return (
    <div className="space-y-6">
      <PageHeader title={titles("spend")} description={t("description")} />
      <div className="flex flex-wrap items-center gap-3">
        {balances.length > 1 && (
          <SegmentedLinks label={t("balance")} segments={balances.map((b) => ({ href: href(query, { asset: b.asset.code, unit: "asset" }), label: assetName(b.asset, ctx.locale), active: b === selected }))} />
        )}
        <SegmentedLinks
          label={t("period")}
          segments={(Object.keys(SPEND_RANGES) as SpendRange[]).map((r) => ({ href: href(query, { range: r, bucket: SPEND_RANGES[r].buckets[0] }), label: t("range", { range: r }), active: r === query.range }))}
        />
        {SPEND_RANGES[query.range].buckets.length > 1 && (
          <SegmentedLinks label={t("grouping")} segments={SPEND_RANGES[query.range].buckets.map((b) => ({ href: href(query, { bucket: b }), label: t("bucket", { bucket: b }), active: b === query.bucket }))} />
        )}
        {custom && (
          <SegmentedLinks
            label={t("showIn")}
            segments={[
              { href: href(query, { unit: "asset" }), label: selected.asset.label ?? assetName(selected.asset, ctx.locale), active: query.unit === "asset" },
              { href: href(query, { unit: "fiat" }), label: selected.asset.rates[0]!.source, active: query.unit === "fiat" },
            ]}
          />
        )}
      </div>
      <Card className="p-5">
        <h2 className="font-semibold">{assetName(selected.asset, ctx.locale)}</h2>
        <Suspense key={searchOf(query)} fallback={<div className="mt-3 h-72 animate-pulse rounded-lg bg-surface-sunken" />}>
          <SpendSection ctx={ctx} asset={selected.asset} range={query.range} bucket={query.bucket} inFiat={custom && query.unit === "fiat"} chart={SpendChart} />
        </Suspense>
      </Card>
    </div>
  );
}
