import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { OrdersTable } from "@/components/subscriptions/orders-table";
import { listOrders } from "@/lib/payments/top-ups/portal-view";
import { getPortalContext } from "@/lib/portal/portal-context";

export const metadata: Metadata = { title: "Orders" };

export default async function OrdersPage() {
  const ctx = await getPortalContext();
  const orders = await listOrders(ctx.readDb, ctx.scope);
  return (
    <div className="space-y-6">
      <PageHeader title="Orders" description="Everything you paid for: top-ups, automatic top-ups and your plan, with a receipt for each." />
      {orders.length === 0 ? <EmptyState title="No orders yet." /> : <OrdersTable orders={orders} locale={ctx.locale} timeZone={ctx.timeZone} />}
    </div>
  );
}
