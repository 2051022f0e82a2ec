import { formatAmount, type AssetDisplay } from "@/lib/kernel/money/format";
import type { AttemptView } from "@/lib/domain/payments/auto-top-up/view";
import { formatDateTime } from "@/lib/kernel/format/dates";
import { StatusBadge } from "./status-badge";

/** Every automatic attempt for one account: when, how much, what happened and why, and when the next try is. */
export function AttemptLog({ attempts, asset, locale, timeZone }: { attempts: AttemptView[]; asset: AssetDisplay; locale: string; timeZone: string }) {
  if (attempts.length === 0) return <p className="text-sm text-fg-muted">No automatic top-ups yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="attempt-log">
        <caption className="sr-only">Automatic top-up activity</caption>
        <thead className="text-left text-fg-muted">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Time</th>
            <th scope="col" className="py-2 pr-4 font-medium">Amount</th>
            <th scope="col" className="py-2 pr-4 font-medium">Status</th>
            <th scope="col" className="py-2 pr-4 font-medium">Details</th>
            <th scope="col" className="py-2 font-medium">Next retry</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => (
            <tr key={a.id} className="border-t border-line align-top" data-testid="attempt-row">
              <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(a.createdAt, locale, timeZone)}</td>
              <td className="py-2 pr-4 tabular whitespace-nowrap">
                {formatAmount(a.amount, a.currency, locale)}
                {asset.kind === "custom" && a.units && <span className="text-fg-muted"> → {formatAmount(a.units, asset, locale)}</span>}
              </td>
              <td className="py-2 pr-4"><StatusBadge status={a.status} /></td>
              <td className="py-2 pr-4">{a.reason}</td>
              <td className="py-2 whitespace-nowrap" data-testid="next-retry">{a.nextRetryAt ? formatDateTime(a.nextRetryAt, locale, timeZone) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
