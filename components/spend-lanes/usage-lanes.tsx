import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { assetName } from "@/lib/kernel/i18n/asset-name";
import { SpendChart } from "@/components/charts/spend-chart";
import { Card } from "@/components/ui/card";
import type { Asset } from "@/lib/domain/assets/types";
import type { SpendLane } from "@/lib/domain/platforms/spend-lanes";
import { formatDate } from "@/lib/kernel/format/dates";
import type { PortalContext } from "@/lib/workflows/portal/portal-context";
import { searchOf } from "@/lib/workflows/queries/keys";
import { datesWindow, localToday } from "@/lib/workflows/wallet/spend/lanes/lane-spend";
import type { LaneFilter } from "@/lib/workflows/wallet/spend/lanes/lane-sql";
import { LaneSection } from "./lane-section";

interface Props {
  ctx: PortalContext;
  assets: Asset[];
  by: SpendLane;
  filter: LaneFilter | null;
  dates: { from?: string; to?: string; product?: string };
  filterHref: (value: string) => string | null;
}

/** The Usage page's breakdown: one chart and table per balance, so amounts in different assets never mix. */
export async function UsageLanes({ ctx, assets, by, filter, dates, filterHref }: Props) {
  const window = datesWindow(localToday(ctx.timeZone), dates.from, dates.to);
  const request = { by: by.dimension, lane: filter?.dimension, laneValue: filter?.value, product: dates.product, ...window };
  // Local calendar days: formatted as UTC midnights so no timezone moves them.
  const day = (d: string) => formatDate(`${d}T00:00:00Z`, ctx.locale, "UTC");
  const t = await getTranslations("lanes");
  return (
    <section aria-label={t("spendBy", { lane: by.label })} className="grid gap-4 lg:grid-cols-2">
      {assets.map((asset) => (
        <Card key={asset.code} className="min-w-0 p-5">
          <h2 className="font-semibold">{t("assetBy", { asset: assetName(asset, ctx.locale), lane: by.label })}</h2>
          <p className="text-xs text-fg-muted">{dates.to ? t("dates", { from: day(window.from), to: day(dates.to) }) : t("datesToToday", { from: day(window.from) })}</p>
          <Suspense key={searchOf({ ...request, asset: asset.code })} fallback={<div className="mt-3 h-60 animate-pulse rounded-lg bg-surface-sunken" />}>
            <LaneSection
              ctx={ctx}
              asset={asset}
              request={request}
              caption={t("usageCaption", { asset: assetName(asset, ctx.locale), bucket: window.bucket, from: day(window.from) })}
              filterHref={filterHref}
              chart={SpendChart}
              height={220}
            />
          </Suspense>
        </Card>
      ))}
    </section>
  );
}
