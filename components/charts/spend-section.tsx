import { assetName } from "@/lib/kernel/i18n/asset-name";
import type { ComponentType } from "react";
import { getTranslations } from "next-intl/server";
import { formatAmount, type AssetDisplay } from "@/lib/kernel/money/format";
import { chartColors } from "@/lib/domain/branding/chart-colors";
import { currentRate } from "@/lib/domain/assets/rates";
import { fiatDigits } from "@/lib/kernel/money/fiat";
import type { Asset } from "@/lib/domain/assets/types";
import { now } from "@/lib/kernel/clock";
import type { PortalContext } from "@/lib/workflows/portal/portal-context";
import type { SpendBucket, SpendRange } from "@/lib/workflows/wallet/spend/ranges";
import { spendSeries } from "@/lib/workflows/wallet/spend/spend-series";
import { seriesInFiat } from "@/lib/workflows/wallet/spend/to-fiat";
import { assetDisplay } from "@/lib/domain/wallet/balances";
import type { SpendBarsProps } from "./spend-bars";
import { SpendTable } from "./spend-table";

interface Props {
  ctx: PortalContext;
  asset: Asset;
  range: SpendRange;
  bucket: SpendBucket;
  inFiat: boolean;
  height?: number;
  /**
   * Drawn by the caller's choice: the spending page passes the interactive Recharts chart, the
   * overview a static SVG. Importing the client chart here would put it in the overview's bundle.
   */
  chart: ComponentType<SpendBarsProps & { label: string }>;
}

function fiatDisplay(code: string): AssetDisplay {
  return { code, kind: "fiat", precision: fiatDigits(code) ?? 2, symbol: null, label: code, name: code };
}

/** A spend chart with its total and its table alternative; an async server component to stream behind Suspense. */
export async function SpendSection({ ctx, asset, range, bucket, inFiat, height = 260, chart: Chart }: Props) {
  const raw = await spendSeries(ctx.readDb, ctx.scope, asset.code, range, bucket, ctx.timeZone);
  const rate = inFiat && asset.kind === "custom" ? currentRate(asset, now()) : null;
  const series = rate ? seriesInFiat(raw, rate) : raw;
  const display = rate ? fiatDisplay(rate.source) : assetDisplay(asset);
  const t = await getTranslations("spend");
  const caption = rate ? t("captionFiat", { asset: assetName(asset, ctx.locale), bucket, range, currency: rate.source }) : t("caption", { asset: assetName(asset, ctx.locale), bucket, range });
  const totalText = formatAmount(series.total, display, ctx.locale);
  const colors = chartColors(ctx.platform.branding);
  return (
    <div data-testid={`spend-${asset.code}`}>
      <p className="text-sm text-fg-muted">
        {t.rich("total", { total: totalText, value: (chunks) => <span className="tabular font-semibold text-fg" data-testid="spend-total">{chunks}</span> })}
      </p>
      {series.products.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-line px-4 py-10 text-center text-sm text-fg-muted">
          {t("nothingInPeriod", { asset: assetName(asset, ctx.locale) })}
        </p>
      ) : (
        <div className="mt-3">
          <Chart label={t("chartLabel", { caption, total: totalText })} series={series} asset={display} bucket={bucket} locale={ctx.locale} colors={colors} height={height} />
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-fg-muted" aria-label={t("products")}>
            {series.products.map((p, i) => (
              <li key={p.id} className="flex items-center gap-1.5">
                <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: colors[i % colors.length] }} />
                {p.name}
              </li>
            ))}
          </ul>
          <SpendTable series={series} asset={display} bucket={bucket} locale={ctx.locale} caption={caption} />
        </div>
      )}
    </div>
  );
}
