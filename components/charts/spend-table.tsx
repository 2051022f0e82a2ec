import { getTranslations } from "next-intl/server";
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
export async function SpendTable({ series, asset, bucket, locale, caption }: Props) {
  const t = await getTranslations("spend");
  const weekOf = (date: string) => t("weekOf", { date });
  return (
    <details className="group mt-3 text-sm">
      <summary className="cursor-pointer select-none font-medium text-brand-text">{t("viewAsTable")}</summary>
      <div className="mt-2 max-h-80 overflow-auto rounded-lg border border-line" tabIndex={0} role="region" aria-label={caption}>
        <table className="w-full">
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 bg-surface-raised text-start text-xs text-fg-muted">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">{t("periodColumn")}</th>
              {series.products.map((p) => (
                <th key={p.id} scope="col" className="px-3 py-2 text-end font-medium">{p.name}</th>
              ))}
              <th scope="col" className="px-3 py-2 text-end font-medium">{t("totalColumn")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {series.points.map((point) => (
              <tr key={point.bucket}>
                <th scope="row" className="whitespace-nowrap px-3 py-1.5 text-start font-normal">{bucketLabel(point.bucket, bucket, locale, true, true, weekOf)}</th>
                {series.products.map((p) => (
                  <td key={p.id} className="tabular px-3 py-1.5 text-end">{formatAmount(point.byProduct[p.id] ?? "0", asset, locale)}</td>
                ))}
                <td className="tabular px-3 py-1.5 text-end font-medium">{formatAmount(point.total, asset, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
