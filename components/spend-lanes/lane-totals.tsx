import Link from "next/link";
import { dec } from "@/lib/kernel/money";
import { formatAmount, type AssetDisplay } from "@/lib/kernel/money/format";
import type { LaneTotal } from "@/lib/workflows/wallet/spend/lanes/lane-series";
import { laneName } from "./lane-name";

interface Props {
  label: string;
  totals: LaneTotal[];
  total: string;
  asset: AssetDisplay;
  locale: string;
  colors: string[];
  /** Where "Only this" leads for a value, or null when it is the filter already in force. */
  filterHref: (value: string) => string | null;
}

/** Exact totals per lane value for the period, largest first, each one a way to filter by it. */
export function LaneTotals({ label, totals, total, asset, locale, colors, filterHref }: Props) {
  const grand = dec(total);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  // A share is a proportion, not money: a float is exact enough for one decimal of a percent.
  const share = (t: LaneTotal) => (grand.isZero() ? "—" : percent.format(dec(t.total).div(grand).toNumber()));
  return (
    <div className="mt-4 overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-sm" data-testid="lane-totals">
        <caption className="sr-only">{`Spend by ${label} for the period`}</caption>
        <thead className="bg-surface-raised text-left text-xs text-fg-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">{label}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Spent</th>
            <th scope="col" className="hidden px-3 py-2 text-right font-medium sm:table-cell">Share</th>
            <th scope="col" className="px-3 py-2"><span className="sr-only">Filter</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {totals.map((t, i) => {
            const href = t.kind === "value" ? filterHref(t.value!) : null;
            return (
              <tr key={t.id} data-lane-value={t.value ?? ""}>
                <th scope="row" className="max-w-48 px-3 py-2 text-left font-normal sm:max-w-md">
                  <span className="flex items-center gap-2">
                    <span aria-hidden className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: colors[i % colors.length] }} />
                    <span className={`truncate ${t.kind === "value" ? "" : "italic text-fg-muted"}`} title={laneName(t)}>{laneName(t)}</span>
                  </span>
                </th>
                <td className="tabular whitespace-nowrap px-3 py-2 text-right" data-testid="lane-total">{formatAmount(t.total, asset, locale)}</td>
                <td className="tabular hidden px-3 py-2 text-right text-fg-muted sm:table-cell">{share(t)}</td>
                <td className="whitespace-nowrap px-3 py-2 text-right">
                  {href && (
                    <Link href={href} scroll={false} className="font-medium text-brand-text hover:underline" aria-label={`Only ${laneName(t)}`}>
                      Only this
                    </Link>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot className="border-t border-line font-medium">
          <tr>
            <th scope="row" className="px-3 py-2 text-left">Total</th>
            <td className="tabular whitespace-nowrap px-3 py-2 text-right" data-testid="lane-grand-total">{formatAmount(total, asset, locale)}</td>
            <td className="hidden sm:table-cell" />
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
