import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatAmount } from "@/lib/kernel/money/format";
import { formatDateTime } from "@/lib/kernel/format/dates";
import { CardTable } from "@/components/ui/card-table";
import { currencyDisplay } from "@/lib/kernel/money/format";
import type { InvoiceRow } from "@/lib/domain/payments/invoices/serialize";

/** The customer's invoices and credit notes, newest first, each viewable and downloadable as a PDF. */
export async function InvoiceList({ invoices, locale, timeZone }: { invoices: InvoiceRow[]; locale: string; timeZone: string }) {
  const t = await getTranslations("invoices");
  const columns = [{ label: t("date") }, { label: t("document") }, { label: t("total") }, { label: t("downloads"), hidden: true }];
  return (
    <CardTable columns={columns}>
      {invoices.map((inv) => {
        const credit = inv.kind === "credit_note";
        const total = credit ? `-${inv.total}` : inv.total;
        return (
          <tr key={inv.id} className="border-t border-line" data-testid={`invoice-${inv.number}`}>
            <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(inv.issuedAt.toISOString(), locale, timeZone)}</td>
            <td className="px-4 py-2">
              <span className="font-medium">{credit ? t("creditNote") : t("invoice")}</span>
              <span className="ms-2 break-all text-fg-muted">{inv.number}</span>
            </td>
            <td className="px-4 py-2 tabular whitespace-nowrap">{formatAmount(total, currencyDisplay(inv.currency), locale)}</td>
            <td className="px-4 py-2 text-end whitespace-nowrap">
              <Link href={`/invoices/${inv.id}`} className="font-medium text-brand-text underline">{t("view")}<span className="sr-only"> {inv.number}</span></Link>
              <a href={`/api/portal/invoices/${inv.id}/pdf`} download className="ms-3 font-medium text-brand-text underline">{t("pdf")}<span className="sr-only">{t("pdfOf", { number: inv.number })}</span></a>
            </td>
          </tr>
        );
      })}
    </CardTable>
  );
}
