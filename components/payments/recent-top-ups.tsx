"use client";

import Link from "next/link";
import { formatAmount } from "@/lib/kernel/money/format";
import { CardTable } from "@/components/ui/card-table";
import type { TopUpView } from "@/lib/domain/payments/top-ups/portal-view";
import { useRecentTopUps } from "@/lib/workflows/queries/payments";
import { formatDateTime } from "@/lib/kernel/format/dates";
import { StatusBadge } from "./status-badge";

const COLUMNS = [{ label: "Date" }, { label: "Paid" }, { label: "Added" }, { label: "Status" }, { label: "Details", hidden: true }];

/** The customer's latest top-ups, manual and automatic, each linking to its status or receipt. */
export function RecentTopUps({ initial, locale, timeZone }: { initial: TopUpView[]; locale: string; timeZone: string }) {
  const { data } = useRecentTopUps(initial);
  if (data.length === 0) return <p className="text-sm text-fg-muted">No top-ups yet.</p>;
  return (
    <CardTable columns={COLUMNS}>
      {data.map((t) => (
        <tr key={t.id} className="border-t border-line" data-testid={`top-up-${t.id}`}>
          <td className="px-4 py-2">{formatDateTime(t.createdAt, locale, timeZone)}{t.origin === "auto" && <span className="ml-2 text-xs text-fg-muted">Automatic</span>}</td>
          <td className="px-4 py-2 tabular">{formatAmount(t.amount, t.currency, locale)}</td>
          <td className="px-4 py-2 tabular">{formatAmount(t.units, t.asset, locale)}</td>
          <td className="px-4 py-2">
            <StatusBadge status={t.status} />
            {(t.status === "initiated" || t.status === "declined") && t.expiresAt && (
              <span className="block text-xs text-fg-muted" data-testid="checkout-expires">Checkout open until {formatDateTime(t.expiresAt, locale, timeZone)}</span>
            )}
          </td>
          <td className="px-4 py-2 text-right">
            <Link href={`/top-up/${t.id}`} className="font-medium text-brand-text underline">{t.status === "completed" ? "Receipt" : "Details"}</Link>
          </td>
        </tr>
      ))}
    </CardTable>
  );
}
