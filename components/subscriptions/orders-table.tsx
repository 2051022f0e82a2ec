import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatAmount } from "@/lib/kernel/money/format";
import { CardTable } from "@/components/ui/card-table";
import { formatDateTime } from "@/lib/kernel/format/dates";
import { StatusBadge } from "@/components/payments/status-badge";
import type { TopUpView } from "@/lib/domain/payments/top-ups/portal-view";



/** Every order the customer paid (or whose payment failed), newest first, each linking to its receipt. */
export async function OrdersTable({ orders, locale, timeZone }: { orders: TopUpView[]; locale: string; timeZone: string }) {
  const m = await getTranslations("orders");
  const columns = [{ label: m("date") }, { label: m("order") }, { label: m("amount") }, { label: m("status") }, { label: m("receipt"), hidden: true }];
  // What an order bought, in words: the plan's name, or the units a top-up added.
  const itemText = (t: TopUpView) => (t.origin === "subscription" ? (t.description ?? m("subscription")) : m("unitsAdded", { units: formatAmount(t.units, t.asset, locale) }));
  return (
    <CardTable columns={columns}>
      {orders.map((t) => (
        <tr key={t.id} className="border-t border-line" data-testid={`order-${t.id}`} data-origin={t.origin}>
          <td className="px-4 py-2">{formatDateTime(t.completedAt ?? t.createdAt, locale, timeZone)}</td>
          <td className="px-4 py-2">
            <span className="font-medium">{m("kind", { kind: t.origin })}</span>
            <span className="ms-2 text-fg-muted">{itemText(t)}</span>
          </td>
          <td className="px-4 py-2 tabular">{formatAmount(t.amount, t.currency, locale)}</td>
          <td className="px-4 py-2"><StatusBadge status={t.status} /></td>
          <td className="px-4 py-2 text-end">
            <Link href={`/orders/${t.id}`} className="font-medium text-brand-text underline">
              {t.status === "completed" ? m("receipt") : m("details")}<span className="sr-only">{m("for", { item: itemText(t) })}</span>
            </Link>
          </td>
        </tr>
      ))}
    </CardTable>
  );
}
