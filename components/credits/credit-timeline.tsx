"use client";

import { formatDate } from "@/lib/kernel/format/dates";
import { formatAmount } from "@/lib/kernel/money/format";
import { EmptyState } from "@/components/ui/card";
import { CardTable } from "@/components/ui/card-table";
import type { CreditTimeline as CreditTimelineData, TimelineGrant } from "@/lib/domain/grants/timeline";
import { useCreditTimeline } from "@/lib/workflows/queries/credits";

const PURPOSE: Record<string, string> = { promotional: "Promotional", bundled: "Included in plan", paid: "Purchased", unexpiring: "Balance without expiry" };
const SOURCE: Record<string, string> = { coupon: "coupon", entitlement: "plan", top_up: "top-up", adjustment: "credit" };
const COLUMNS = [{ label: "Order" }, { label: "Credits" }, { label: "Left" }, { label: "Expires" }];

/** "Promotional · Credits — from coupon BONUS20": what the credit is and where it came from. */
function origin(g: TimelineGrant): string {
  const what = `${PURPOSE[g.purpose] ?? g.purpose} · ${g.asset.name}`;
  if (g.purpose === "unexpiring") return `${what}: top-ups and credits added without an end date`;
  if (!g.sourceName) return what;
  return `${what}, from ${g.source === "adjustment" || g.source === "top_up" ? "" : `${SOURCE[g.source] ?? g.source} `}${g.sourceName}`;
}

/** The rows in consumption order, then the balances they add up to. */
function Grants({ data, locale, timeZone }: { data: CreditTimelineData; locale: string; timeZone: string }) {
  return (
    <>
      <CardTable columns={COLUMNS} caption="Your credits, in the order they are used">
        {data.grants.map((g, i) => (
          <tr key={g.id} className="border-t border-line" data-purpose={g.purpose}>
            <td className="px-4 py-3 tabular text-fg-muted">{i + 1}</td>
            <td className="px-4 py-3" data-testid="credit-origin">{origin(g)}</td>
            <td className="px-4 py-3 tabular sm:text-right">
              {formatAmount(g.remaining, g.asset, locale)}
              {g.purpose !== "unexpiring" && <span className="text-fg-muted"> of {formatAmount(g.amount, g.asset, locale)}</span>}
            </td>
            <td className="px-4 py-3">{g.expiresAt ? formatDate(g.expiresAt, locale, timeZone) : "Never"}</td>
          </tr>
        ))}
      </CardTable>
      <ul className="space-y-1 text-sm text-fg-muted">
        {data.balances.map((b) => (
          <li key={b.asset.code} data-testid={`credit-total-${b.asset.code}`}>
            These add up to your {b.asset.name} balance: <span className="tabular font-medium text-fg">{formatAmount(b.available, b.asset, locale)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * Everything the customer's balances hold, in the order usage spends it, with what is left of each, where
 * it came from and when it expires; the rows of each asset add up to its balance, as the last lines say.
 */
export function CreditTimeline({ locale, timeZone }: { locale: string; timeZone: string }) {
  const { data, error } = useCreditTimeline();
  if (error) return <p role="alert" className="text-sm text-danger">{error.message}</p>;
  if (!data) return null;
  return (
    <div className="space-y-3" data-testid="credit-timeline">
      {data.bonuses.length > 0 && (
        <ul className="space-y-1 rounded-xl border border-line bg-surface-raised p-4 text-sm">
          {data.bonuses.map((b) => (
            <li key={b.code} data-testid="pending-bonus">
              <span className="font-medium">{b.code}</span>: {b.percent}% extra on your next {b.topUpsLeft === 1 ? "top-up" : `${b.topUpsLeft} top-ups`}, added when the payment arrives.
            </li>
          ))}
        </ul>
      )}
      {data.grants.length === 0 && <EmptyState title="No credits yet">Credits from your plan, coupons and top-ups appear here.</EmptyState>}
      {data.grants.length > 0 && <Grants data={data} locale={locale} timeZone={timeZone} />}
    </div>
  );
}
