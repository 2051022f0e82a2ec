import Link from "next/link";
import { formatAmount } from "@/lib/kernel/money/format";
import { formatDateTime } from "@/lib/kernel/format/dates";
import { CardTable } from "@/components/ui/card-table";
import { currencyDisplay } from "@/lib/kernel/money/format";
import type { InvoiceRow } from "@/lib/domain/payments/invoices/serialize";

const COLUMNS = [{ label: "Date" }, { label: "Document" }, { label: "Total" }, { label: "Downloads", hidden: true }];

/** The customer's invoices and credit notes, newest first, each viewable and downloadable as a PDF. */
export function InvoiceList({ invoices, locale, timeZone }: { invoices: InvoiceRow[]; locale: string; timeZone: string }) {
  return (
    <CardTable columns={COLUMNS}>
      {invoices.map((inv) => {
        const credit = inv.kind === "credit_note";
        const total = credit ? `-${inv.total}` : inv.total;
        return (
          <tr key={inv.id} className="border-t border-line" data-testid={`invoice-${inv.number}`}>
            <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(inv.issuedAt.toISOString(), locale, timeZone)}</td>
            <td className="px-4 py-2">
              <span className="font-medium">{credit ? "Credit note" : "Invoice"}</span>
              <span className="ml-2 break-all text-fg-muted">{inv.number}</span>
            </td>
            <td className="px-4 py-2 tabular whitespace-nowrap">{formatAmount(total, currencyDisplay(inv.currency), locale)}</td>
            <td className="px-4 py-2 text-right whitespace-nowrap">
              <Link href={`/invoices/${inv.id}`} className="font-medium text-brand-text underline">View<span className="sr-only"> {inv.number}</span></Link>
              <a href={`/api/portal/invoices/${inv.id}/pdf`} download className="ml-3 font-medium text-brand-text underline">PDF<span className="sr-only"> of {inv.number}</span></a>
            </td>
          </tr>
        );
      })}
    </CardTable>
  );
}
