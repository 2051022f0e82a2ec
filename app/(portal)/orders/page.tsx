import { getTranslations } from "next-intl/server";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { InvoiceList } from "@/components/invoices/invoice-list";
import { OrdersTable } from "@/components/subscriptions/orders-table";
import { listInvoices } from "@/lib/domain/payments/invoices/store";
import { listOrders } from "@/lib/domain/payments/top-ups/portal-view";
import { getPortalContext } from "@/lib/workflows/portal/portal-context";
import { pageTitle } from "@/components/portal/page-title";

export const generateMetadata = pageTitle("orders");

export default async function OrdersPage() {
  const ctx = await getPortalContext();
  const [orders, invoices] = await Promise.all([listOrders(ctx.readDb, ctx.scope), listInvoices(ctx.readDb, ctx.scope, { limit: 100, offset: 0 })]);
  const [t, titles] = await Promise.all([getTranslations("orders"), getTranslations("titles")]);
  return (
    <div className="space-y-6">
      <PageHeader title={titles("orders")} description={t("description")} />
      {orders.length === 0 ? <EmptyState title={t("none")} /> : <OrdersTable orders={orders} locale={ctx.locale} timeZone={ctx.timeZone} />}
      {invoices.rows.length > 0 && (
        <section aria-labelledby="invoices" className="space-y-3">
          <h2 id="invoices" className="text-lg font-semibold">{t("invoices")}</h2>
          <InvoiceList invoices={invoices.rows} locale={ctx.locale} timeZone={ctx.timeZone} />
        </section>
      )}
    </div>
  );
}
