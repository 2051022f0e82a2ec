import { getTranslations } from "next-intl/server";
import { formatAmount } from "@/lib/kernel/money/format";
import type { SpendBarsProps } from "./spend-bars";
import { bucketLabel, spansYears } from "./bucket-label";

const WIDTH = 600;
const GAP = 0.25;

/**
 * Stacked bars drawn on the server as plain SVG: the overview needs a glance at the last 30 days,
 * not the interactive chart, and this way it costs the page no JavaScript at all. Bar geometry
 * uses plain numbers; every figure a reader sees is formatted from the exact decimal strings.
 */
export async function SpendStaticBars({ series, asset, bucket, locale, colors, height, label }: SpendBarsProps & { label: string }) {
  const t = await getTranslations("spend");
  const weekOf = (date: string) => t("weekOf", { date });
  const chartHeight = height - 24;
  const max = Math.max(...series.points.map((p) => Number(p.total)), 0);
  const slot = WIDTH / Math.max(series.points.length, 1);
  const barWidth = slot * (1 - GAP);
  const first = series.points[0];
  const last = series.points.at(-1);
  const withYear = spansYears(series.points.map((p) => p.bucket));
  return (
    // Time runs left to right in every language, so the first and last dates stay under their bars.
    <figure dir="ltr" className="w-full" style={{ height }}>
      <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${chartHeight}`} preserveAspectRatio="none" className="block w-full" style={{ height: chartHeight }}>
        <line x1={0} x2={WIDTH} y1={chartHeight - 0.5} y2={chartHeight - 0.5} stroke="var(--line)" vectorEffect="non-scaling-stroke" />
        {series.points.map((point, i) => {
          let top = chartHeight;
          return (
            <g key={point.bucket}>
              <title>{`${bucketLabel(point.bucket, bucket, locale, true, true, weekOf)}: ${formatAmount(point.total, asset, locale)}`}</title>
              {series.products.map((product, p) => {
                const value = Number(point.byProduct[product.id] ?? 0);
                if (value <= 0 || max <= 0) return null;
                const h = Math.max((value / max) * (chartHeight - 4), 1);
                top -= h;
                return <rect key={product.id} x={i * slot + (slot - barWidth) / 2} y={top} width={barWidth} height={h} fill={colors[p % colors.length]} />;
              })}
            </g>
          );
        })}
      </svg>
      <figcaption aria-hidden className="mt-1 flex justify-between text-xs text-fg-muted">
        <span>{first ? bucketLabel(first.bucket, bucket, locale, false, withYear) : ""}</span>
        <span>{last ? bucketLabel(last.bucket, bucket, locale, false, withYear) : ""}</span>
      </figcaption>
    </figure>
  );
}
