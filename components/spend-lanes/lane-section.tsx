import type { ComponentType } from "react";
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
  /** What the chart shows, for its accessible name, e.g. "Credits spent per day over the last 30 days". */
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
  const rate = inFiat && asset.kind === "custom" ? currentRate(asset, now()) : null;
  const named = { ...spend.series, products: spend.totals.map((t) => ({ id: t.id, name: laneName(t) })) };
  const series = rate ? seriesInFiat(named, rate) : named;
  const totals = rate ? spend.totals.map((t) => ({ ...t, total: fiatValueOf(dec(t.total), rate).toString() })) : spend.totals;
  const display = rate ? fiatDisplay(rate.source) : assetDisplay(asset);
  const totalText = formatAmount(series.total, display, ctx.locale);
  const colors = chartColors(ctx.platform.branding);
  const label = `${caption} by ${spend.lane.label}${rate ? ` in ${rate.source}` : ""}`;
  return (
    <div data-testid={`lane-spend-${asset.code}`}>
      <p className="text-sm text-fg-muted">
        Total <span className="tabular font-semibold text-fg" data-testid="spend-total">{totalText}</span>
      </p>
      {totals.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-line px-4 py-10 text-center text-sm text-fg-muted">
          No {asset.name.toLowerCase()} spent in this period{spend.filter ? " for this filter" : ""}.
        </p>
      ) : (
        <div className="mt-3">
          <Chart label={`${label}: ${totalText} in total.`} series={series} asset={display} bucket={request.bucket} locale={ctx.locale} colors={colors} height={height} />
          <LaneTotals label={spend.lane.label} totals={totals} total={series.total} asset={display} locale={ctx.locale} colors={colors} filterHref={filterHref} />
          <SpendTable series={series} asset={display} bucket={request.bucket} locale={ctx.locale} caption={label} />
        </div>
      )}
    </div>
  );
}
