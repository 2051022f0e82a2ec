import type { ComponentType } from "react";
import { getTranslations } from "next-intl/server";
import { assetName } from "@/lib/kernel/i18n/asset-name";
import { currentRate, fiatValueOf } from "@/lib/domain/assets/rates";
import type { Asset } from "@/lib/domain/assets/types";
import { chartColors } from "@/lib/domain/branding/chart-colors";
import { assetDisplay } from "@/lib/domain/wallet/balances";
import { now } from "@/lib/kernel/clock";
import { dec } from "@/lib/kernel/money";
import { fiatDigits } from "@/lib/kernel/money/fiat";
import { formatAmount, type AssetDisplay } from "@/lib/kernel/money/format";
import type { PortalContext } from "@/lib/workflows/portal/portal-context";
import { spendByLane, type LaneSpendRequest } from "@/lib/workflows/wallet/spend/lanes/lane-spend";
import { seriesInFiat } from "@/lib/workflows/wallet/spend/to-fiat";
import type { SpendBarsProps } from "@/components/charts/spend-bars";
import { SpendTable } from "@/components/charts/spend-table";
import { laneName } from "./lane-name";
import { LaneTotals } from "./lane-totals";

interface Props {
  ctx: PortalContext;
  asset: Asset;
  request: Omit<LaneSpendRequest, "asset" | "timeZone">;
  inFiat?: boolean;
  /** What the chart shows, for its accessible name, in the reader's language. */
  caption: string;
  filterHref: (value: string) => string | null;
  /** The interactive chart, passed in so this server component never imports client code itself. */
  chart: ComponentType<SpendBarsProps & { label: string }>;
  height?: number;
}

function fiatDisplay(code: string): AssetDisplay {
  return { code, kind: "fiat", precision: fiatDigits(code) ?? 2, symbol: null, label: code, name: code };
}

/** Spend in one asset split by a visible lane: total, stacked chart, exact totals per value and the table alternative. */
export async function LaneSection({ ctx, asset, request, inFiat = false, caption, filterHref, chart: Chart, height = 260 }: Props) {
  const spend = await spendByLane(ctx.readDb, ctx.scope, { ...request, asset: asset.code, timeZone: ctx.timeZone });
  const [t, st] = await Promise.all([getTranslations("lanes"), getTranslations("spend")]);
  const names = { other: t("allOthers"), none: t("notSet") };
  const rate = inFiat && asset.kind === "custom" ? currentRate(asset, now()) : null;
  const named = { ...spend.series, products: spend.totals.map((v) => ({ id: v.id, name: laneName(v, names) })) };
  const series = rate ? seriesInFiat(named, rate) : named;
  const totals = rate ? spend.totals.map((v) => ({ ...v, total: fiatValueOf(dec(v.total), rate).toString() })) : spend.totals;
  const display = rate ? fiatDisplay(rate.source) : assetDisplay(asset);
  const totalText = formatAmount(series.total, display, ctx.locale);
  const colors = chartColors(ctx.platform.branding);
  const label = rate ? t("captionFiat", { caption, lane: spend.lane.label, currency: rate.source }) : t("caption", { caption, lane: spend.lane.label });
  const asName = assetName(asset, ctx.locale);
  return (
    <div data-testid={`lane-spend-${asset.code}`}>
      <p className="text-sm text-fg-muted">
        {st.rich("total", { total: totalText, value: (chunks) => <span className="tabular font-semibold text-fg" data-testid="spend-total">{chunks}</span> })}
      </p>
      {totals.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-line px-4 py-10 text-center text-sm text-fg-muted">
          {spend.filter ? t("nothingForFilter", { asset: asName }) : st("nothingInPeriod", { asset: asName })}
        </p>
      ) : (
        <div className="mt-3">
          <Chart label={st("chartLabel", { caption: label, total: totalText })} series={series} asset={display} bucket={request.bucket} locale={ctx.locale} colors={colors} height={height} />
          <LaneTotals label={spend.lane.label} names={names} totals={totals} total={series.total} asset={display} locale={ctx.locale} colors={colors} filterHref={filterHref} />
          <SpendTable series={series} asset={display} bucket={request.bucket} locale={ctx.locale} caption={label} />
        </div>
      )}
    </div>
  );
}
