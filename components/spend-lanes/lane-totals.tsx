import Link from "next/link";
import { useTranslations } from "next-intl";
import { dec } from "@/lib/kernel/money";
import { formatAmount, type AssetDisplay } from "@/lib/kernel/money/format";
import type { LaneTotal } from "@/lib/workflows/wallet/spend/lanes/lane-series";
import { laneName, type LaneNames } from "./lane-name";

interface Props {
  label: string;
  names: LaneNames;
  totals: LaneTotal[];
  total: string;
  asset: AssetDisplay;
  locale: string;
  colors: string[];
  /** Where "Only this" leads for a value, or null when it is the filter already in force. */
  filterHref: (value: string) => string | null;
}

/** Exact totals per lane value for the period, largest first, each one a way to filter by it. */
export function LaneTotals({ label, names, totals, total, asset, locale, colors, filterHref }: Props) {
  const t = useTranslations("lanes");
  const grand = dec(total);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  // A share is a proportion, not money: a float is exact enough for one decimal of a percent.
  const share = (v: LaneTotal) => (grand.isZero() ? "—" : percent.format(dec(v.total).div(grand).toNumber()));
  return (
    <div className="mt-4 overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-sm" data-testid="lane-totals">
        <caption className="sr-only">{t("tableCaption", { lane: label })}</caption>
        <thead className="bg-surface-raised text-left text-xs text-fg-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">{label}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{t("spent")}</th>
            <th scope="col" className="hidden px-3 py-2 text-right font-medium sm:table-cell">{t("share")}</th>
            <th scope="col" className="px-3 py-2"><span className="sr-only">{t("filterColumn")}</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {totals.map((v, i) => {
            const href = v.kind === "value" ? filterHref(v.value!) : null;
            return (
              <tr key={v.id} data-lane-value={v.value ?? ""}>
                <th scope="row" className="max-w-48 px-3 py-2 text-left font-normal sm:max-w-md">
                  <span className="flex items-center gap-2">
                    <span aria-hidden className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: colors[i % colors.length] }} />
                    <span className={`truncate ${v.kind === "value" ? "" : "italic text-fg-muted"}`} title={laneName(v, names)}>{laneName(v, names)}</span>
                  </span>
                </th>
                <td className="tabular whitespace-nowrap px-3 py-2 text-right" data-testid="lane-total">{formatAmount(v.total, asset, locale)}</td>
                <td className="tabular hidden px-3 py-2 text-right text-fg-muted sm:table-cell">{share(v)}</td>
                <td className="whitespace-nowrap px-3 py-2 text-right">
                  {href && (
                    <Link href={href} scroll={false} className="font-medium text-brand-text hover:underline" aria-label={t("onlyValue", { value: laneName(v, names) })}>
                      {t("onlyThis")}
                    </Link>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot className="border-t border-line font-medium">
          <tr>
            <th scope="row" className="px-3 py-2 text-left">{t("total")}</th>
            <td className="tabular whitespace-nowrap px-3 py-2 text-right" data-testid="lane-grand-total">{formatAmount(total, asset, locale)}</td>
            <td className="hidden sm:table-cell" />
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
