import type { PresentedDocument } from "@/lib/domain/payments/invoices/present";

function Party({ party }: { party: PresentedDocument["seller"] }) {
  return (
    <div className="min-w-0">
      <h2 className="text-sm font-semibold">{party.heading}</h2>
      {party.lines.map((l, i) => <p key={i} className="break-words text-sm">{l}</p>)}
    </div>
  );
}

/**
 * A document laid out for the screen and for printing (the page's own print styles hide the portal around it).
 * An issued document keeps the wording it was issued with (lib/domain/payments/invoices/labels.ts), whatever
 * language the portal speaks; `lang` says so to browsers and screen readers.
 */
export function InvoiceView({ doc }: { doc: PresentedDocument }) {
  return (
    <article lang="en" className="space-y-6 rounded-xl border border-line bg-surface-raised p-4 text-fg sm:p-8 print:border-0 print:p-0" data-testid="invoice-document">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{doc.title}</h1>
        {doc.testMode && <p className="text-sm font-medium text-warning">{doc.testMode}</p>}
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
          {doc.meta.map((m) => [<dt key={`${m.label}-t`} className="text-fg-muted">{m.label}</dt>, <dd key={`${m.label}-d`} className="font-medium break-all">{m.value}</dd>])}
        </dl>
      </header>
      <div className="grid gap-6 sm:grid-cols-2"><Party party={doc.seller} /><Party party={doc.buyer} /></div>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="text-start text-fg-muted">
            <tr>{doc.columns.map((c, i) => <th key={c} scope="col" className={`py-2 pe-3 font-medium ${i > 0 ? "text-end" : ""}`}>{c}</th>)}</tr>
          </thead>
          <tbody>
            {doc.lines.map((l, i) => (
              <tr key={i} className="border-t border-line align-top">
                <td className="py-2 pe-3">{l.description}{l.detail && <span className="block text-xs text-fg-muted">{l.detail}</span>}</td>
                <td className="py-2 pe-3 text-end tabular">{l.quantity}</td>
                <td className="py-2 pe-3 text-end tabular">{l.rate}</td>
                <td className="py-2 text-end tabular whitespace-nowrap">{l.amount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="ms-auto grid max-w-sm grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
        {doc.totals.map((t) => [
          <dt key={`${t.label}-t`} className={t.strong ? "font-semibold" : "text-fg-muted"}>{t.label}</dt>,
          <dd key={`${t.label}-d`} className={`text-end tabular ${t.strong ? "font-semibold" : ""}`}>{t.value}</dd>,
        ])}
      </dl>
      <div className="space-y-1 text-sm">{doc.payment.map((p) => <p key={p}>{p}</p>)}</div>
      {doc.footer.length > 0 && <footer className="space-y-1 border-t border-line pt-4 text-xs text-fg-muted">{doc.footer.map((f) => <p key={f}>{f}</p>)}</footer>}
    </article>
  );
}
