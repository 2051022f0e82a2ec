import { formatAmount, type AssetDisplay } from "@/lib/kernel/money/format";
import type { SpendBucket } from "@/lib/workflows/wallet/spend/ranges";
import type { SpendSeries } from "@/lib/workflows/wallet/spend/series";
import { bucketLabel } from "./bucket-label";

interface Props {
  series: SpendSeries;
  asset: AssetDisplay;
  bucket: SpendBucket;
  locale: string;
  caption: string;
}

/** The chart's numbers as a table: what screen readers use, and anyone who wants exact figures. */
export function SpendTable({ series, asset, bucket, locale, caption }: Props) {
  return (
    <details className="group mt-3 text-sm">
      <summary className="cursor-pointer select-none font-medium text-brand-text">View as a table</summary>
      <div className="mt-2 max-h-80 overflow-auto rounded-lg border border-line" tabIndex={0} role="region" aria-label={caption}>
        <table className="w-full">
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 bg-surface-raised text-left text-xs text-fg-muted">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Period</th>
              {series.products.map((p) => (
                <th key={p.id} scope="col" className="px-3 py-2 text-right font-medium">{p.name}</th>
              ))}
              <th scope="col" className="px-3 py-2 text-right font-medium">Total</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {series.points.map((point) => (
              <tr key={point.bucket}>
                <th scope="row" className="whitespace-nowrap px-3 py-1.5 text-left font-normal">{bucketLabel(point.bucket, bucket, locale, true)}</th>
                {series.products.map((p) => (
                  <td key={p.id} className="tabular px-3 py-1.5 text-right">{formatAmount(point.byProduct[p.id] ?? "0", asset, locale)}</td>
                ))}
                <td className="tabular px-3 py-1.5 text-right font-medium">{formatAmount(point.total, asset, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
