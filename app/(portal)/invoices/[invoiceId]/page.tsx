import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { InvoiceView } from "@/components/invoices/invoice-view";
import { primaryButton } from "@/components/ui/button-styles";
import { NotFoundError } from "@/lib/kernel/errors";
import { presentDocument } from "@/lib/domain/payments/invoices/present";
import { documentOf } from "@/lib/domain/payments/invoices/serialize";
import { getInvoiceOrThrow } from "@/lib/domain/payments/invoices/store";
import { getPortalContext } from "@/lib/workflows/portal/portal-context";
import { pageTitle } from "@/components/portal/page-title";

export const generateMetadata = pageTitle("invoice");

export default async function InvoicePage({ params }: { params: Promise<{ invoiceId: string }> }) {
  const ctx = await getPortalContext();
  const { invoiceId } = await params;
  const row = await getInvoiceOrThrow(ctx.db, ctx.scope, invoiceId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const t = await getTranslations("invoices");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href="/orders" className="text-sm font-medium text-brand-text underline">{t("backToOrders")}</Link>
        <a href={`/api/portal/invoices/${row.id}/pdf`} download className={primaryButton}>{t("downloadPdf")}</a>
      </div>
      <InvoiceView doc={presentDocument(documentOf(row))} />
    </div>
  );
}
