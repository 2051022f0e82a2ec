import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Receipt } from "@/components/payments/receipt";
import { StatusBadge } from "@/components/payments/status-badge";
import { PageHeader } from "@/components/ui/card";
import { isValidPathParam } from "@/lib/http/parse";
import { NotFoundError } from "@/lib/kernel/errors";
import { getTopUpView } from "@/lib/domain/payments/top-ups/portal-view";
import { getPortalContext } from "@/lib/workflows/portal/portal-context";
import { pageTitle } from "@/components/portal/page-title";

export const generateMetadata = pageTitle("order");

export default async function OrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const ctx = await getPortalContext();
  const { orderId } = await params;
  if (!isValidPathParam(orderId)) notFound();
  const order = await getTopUpView(ctx.db, ctx.scope, orderId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const t = await getTranslations("orders");
  return (
    <div className="space-y-6">
      <PageHeader title={order.origin === "subscription" ? t("planPayment") : t("topUp")} actions={<Link href="/orders" className="text-sm font-medium text-brand-text underline">{t("all")}</Link>} />
      <p className="text-sm">{t.rich("statusValue", { badge: () => <StatusBadge status={order.status} /> })}</p>
      {order.failureMessage && order.status === "failed" && <p role="alert" className="text-sm text-danger">{order.failureMessage}</p>}
      {order.status === "completed" && <Receipt topUp={order} locale={ctx.locale} timeZone={ctx.timeZone} />}
    </div>
  );
}
