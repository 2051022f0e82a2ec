"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { formatAmount } from "@/lib/kernel/money/format";
import { CardTable } from "@/components/ui/card-table";
import type { TopUpView } from "@/lib/domain/payments/top-ups/portal-view";
import { useRecentTopUps } from "@/lib/workflows/queries/payments";
import { formatDateTime } from "@/lib/kernel/format/dates";
import { StatusBadge } from "./status-badge";

/** The customer's latest top-ups, manual and automatic, each linking to its status or receipt. */
export function RecentTopUps({ initial, locale, timeZone }: { initial: TopUpView[]; locale: string; timeZone: string }) {
  const { data } = useRecentTopUps(initial);
  const t = useTranslations("topUp");
  if (data.length === 0) return <p className="text-sm text-fg-muted">{t("noneYet")}</p>;
  const columns = [{ label: t("date") }, { label: t("paid") }, { label: t("added") }, { label: t("status") }, { label: t("details"), hidden: true }];
  return (
    <CardTable columns={columns}>
      {data.map((topUp) => (
        <tr key={topUp.id} className="border-t border-line" data-testid={`top-up-${topUp.id}`}>
          <td className="px-4 py-2">{formatDateTime(topUp.createdAt, locale, timeZone)}{topUp.origin === "auto" && <span className="ms-2 text-xs text-fg-muted">{t("automatic")}</span>}</td>
          <td className="px-4 py-2 tabular">{formatAmount(topUp.amount, topUp.currency, locale)}</td>
          <td className="px-4 py-2 tabular">{formatAmount(topUp.units, topUp.asset, locale)}</td>
          <td className="px-4 py-2">
            <StatusBadge status={topUp.status} />
            {(topUp.status === "initiated" || topUp.status === "declined") && topUp.expiresAt && (
              <span className="block text-xs text-fg-muted" data-testid="checkout-expires">{t("checkoutOpenUntil", { date: formatDateTime(topUp.expiresAt, locale, timeZone) })}</span>
            )}
          </td>
          <td className="px-4 py-2 text-end">
            <Link href={`/top-up/${topUp.id}`} className="font-medium text-brand-text underline">{topUp.status === "completed" ? t("receipt") : t("details")}</Link>
          </td>
        </tr>
      ))}
    </CardTable>
  );
}
