"use client";

import { formatDate } from "@/lib/kernel/format/dates";
import { formatAmount } from "@/lib/kernel/money/format";
import { EmptyState } from "@/components/ui/card";
import { useCreditTimeline } from "@/lib/workflows/queries/credits";

const PURPOSE: Record<string, string> = { promotional: "Promotional", bundled: "Included in plan", paid: "Purchased" };

/** Live credit grants in the order usage spends them, with what is left of each and when it expires. */
export function CreditTimeline({ locale, timeZone }: { locale: string; timeZone: string }) {
  const { data, error } = useCreditTimeline();
  if (error) return <p role="alert" className="text-sm text-danger">{error.message}</p>;
  if (!data || data.grants.length === 0) return <EmptyState title="No credits yet">Credits from your plan, coupons and top-ups appear here.</EmptyState>;
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface-raised">
      <table className="w-full text-left text-sm" data-testid="credit-timeline">
        <caption className="sr-only">Your credits, in the order they are used</caption>
        <thead className="border-b border-line text-fg-muted">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Order</th>
            <th scope="col" className="px-4 py-3 font-medium">Credits</th>
            <th scope="col" className="px-4 py-3 text-right font-medium">Left</th>
            <th scope="col" className="px-4 py-3 font-medium">Expires</th>
          </tr>
        </thead>
        <tbody>
          {data.grants.map((g, i) => (
            <tr key={g.id} className="border-b border-line last:border-0">
              <td className="px-4 py-3 tabular text-fg-muted">{i + 1}</td>
              <td className="px-4 py-3">{PURPOSE[g.purpose] ?? g.purpose} · {g.asset.name}</td>
              <td className="px-4 py-3 text-right tabular">
                {formatAmount(g.remaining, g.asset, locale)} <span className="text-fg-muted">of {formatAmount(g.amount, g.asset, locale)}</span>
              </td>
              <td className="px-4 py-3">{g.expiresAt ? formatDate(g.expiresAt, locale, timeZone) : "Never"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
