import Link from "next/link";
import { formatAmount } from "@/lib/kernel/money/format";
import { CardTable } from "@/components/ui/card-table";
import { formatDateTime } from "@/lib/kernel/format/dates";
import { StatusBadge } from "@/components/payments/status-badge";
import type { TopUpView } from "@/lib/domain/payments/top-ups/portal-view";

const COLUMNS = [{ label: "Date" }, { label: "Order" }, { label: "Amount" }, { label: "Status" }, { label: "Receipt", hidden: true }];

const KIND: Record<string, string> = { subscription: "Plan", auto: "Automatic top-up", api: "Top-up", portal: "Top-up" };

/** What an order bought, in words: the plan's name, or the units a top-up added. */
function itemText(t: TopUpView, locale: string): string {
  if (t.origin === "subscription") return t.description ?? "Subscription";
  return `${formatAmount(t.units, t.asset, locale)} added`;
}

/** Every order the customer paid (or whose payment failed), newest first, each linking to its receipt. */
export function OrdersTable({ orders, locale, timeZone }: { orders: TopUpView[]; locale: string; timeZone: string }) {
  return (
    <CardTable columns={COLUMNS}>
      {orders.map((t) => (
        <tr key={t.id} className="border-t border-line" data-testid={`order-${t.id}`} data-origin={t.origin}>
          <td className="px-4 py-2">{formatDateTime(t.completedAt ?? t.createdAt, locale, timeZone)}</td>
          <td className="px-4 py-2">
            <span className="font-medium">{KIND[t.origin] ?? "Payment"}</span>
            <span className="ml-2 text-fg-muted">{itemText(t, locale)}</span>
          </td>
          <td className="px-4 py-2 tabular">{formatAmount(t.amount, t.currency, locale)}</td>
          <td className="px-4 py-2"><StatusBadge status={t.status} /></td>
          <td className="px-4 py-2 text-right">
            <Link href={`/orders/${t.id}`} className="font-medium text-brand-text underline">
              {t.status === "completed" ? "Receipt" : "Details"}<span className="sr-only"> for {itemText(t, locale)}</span>
            </Link>
          </td>
        </tr>
      ))}
    </CardTable>
  );
}
