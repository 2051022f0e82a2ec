import { useTranslations } from "next-intl";
import { formatAmount, type AssetDisplay } from "@/lib/kernel/money/format";
import type { AttemptView } from "@/lib/domain/payments/auto-top-up/view";
import { formatDateTime } from "@/lib/kernel/format/dates";
import { StatusBadge } from "./status-badge";

/** Every automatic attempt for one account: when, how much, what happened and why, and when the next try is. */
export function AttemptLog({ attempts, asset, locale, timeZone }: { attempts: AttemptView[]; asset: AssetDisplay; locale: string; timeZone: string }) {
  const t = useTranslations("autoTopUp");
  if (attempts.length === 0) return <p className="text-sm text-fg-muted">{t("noAttempts")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="attempt-log">
        <caption className="sr-only">{t("attemptsCaption")}</caption>
        <thead className="text-start text-fg-muted">
          <tr>
            <th scope="col" className="py-2 pe-4 font-medium">{t("time")}</th>
            <th scope="col" className="py-2 pe-4 font-medium">{t("amount")}</th>
            <th scope="col" className="py-2 pe-4 font-medium">{t("status")}</th>
            <th scope="col" className="py-2 pe-4 font-medium">{t("details")}</th>
            <th scope="col" className="py-2 font-medium">{t("nextRetry")}</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => (
            <tr key={a.id} className="border-t border-line align-top" data-testid="attempt-row">
              <td className="py-2 pe-4 whitespace-nowrap">{formatDateTime(a.createdAt, locale, timeZone)}</td>
              <td className="py-2 pe-4 tabular whitespace-nowrap">
                {formatAmount(a.amount, a.currency, locale)}
                {asset.kind === "custom" && a.units && <span className="text-fg-muted"> → {formatAmount(a.units, asset, locale)}</span>}
              </td>
              <td className="py-2 pe-4"><StatusBadge status={a.status} /></td>
              <td className="py-2 pe-4">{a.reason}</td>
              <td className="py-2 whitespace-nowrap" data-testid="next-retry">{a.nextRetryAt ? formatDateTime(a.nextRetryAt, locale, timeZone) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
