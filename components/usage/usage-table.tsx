"use client";

import { formatDateTime } from "@/lib/kernel/format/dates";
import { formatAmount, formatPrecise, type AssetDisplay } from "@/lib/kernel/money/format";
import { secondaryButton } from "@/components/ui/button-styles";
import { EmptyState } from "@/components/ui/card";
import { Tooltip } from "@/components/ui/tooltip";
import type { UsageQuery } from "@/lib/workflows/queries/keys";
import { useUsage } from "@/lib/workflows/queries/usage";
import type { UsageView } from "@/lib/workflows/wallet/usage/view";
import { FeeDescription } from "./fee-description";

interface Props {
  query: UsageQuery;
  assets: Record<string, AssetDisplay>;
  locale: string;
  timeZone: string;
  filtered: boolean;
  /** Show only the first page, without paging (the overview's "latest usage"). */
  compact?: boolean;
}

function Details({ u, assets, locale }: { u: UsageView; assets: Record<string, AssetDisplay>; locale: string }) {
  return (
    <>
      {u.description && <span className="mb-2 block">{u.description}</span>}
      <span className="block space-y-2">
        {u.fees.map((f, i) => (
          <FeeDescription key={i} fee={f} asset={assets[f.asset]} locale={locale} />
        ))}
      </span>
      {u.charges.map((c) =>
        c.balanceAfter !== null && assets[c.asset] ? (
          <span key={c.asset} className="mt-2 block text-fg-muted">
            Balance after: <span className="tabular text-fg">{formatAmount(c.balanceAfter, assets[c.asset]!, locale)}</span>
          </span>
        ) : null,
      )}
    </>
  );
}

export function UsageTable({ query, assets, locale, timeZone, filtered, compact }: Props) {
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage, error } = useUsage(query);
  const rows = (data?.pages.flatMap((p) => p.items) ?? []).slice(0, compact ? 5 : undefined);
  if (rows.length === 0) {
    return filtered ? (
      <EmptyState title="No usage in this period">Try a wider date range or another product.</EmptyState>
    ) : (
      <EmptyState title="No usage yet">Each time you use the service, the record shows up here with exactly how it was billed.</EmptyState>
    );
  }
  return (
    <div className="space-y-4">
      <div className="overflow-x-auto rounded-xl border border-line bg-surface-raised" tabIndex={0} role="region" aria-label="Usage">
        <table className="w-full text-sm" data-testid="usage-table">
          <caption className="sr-only">Usage records, newest first</caption>
          <thead className="border-b border-line text-left text-xs uppercase tracking-wide text-fg-muted">
            <tr>
              <th scope="col" className="hidden px-4 py-3 font-medium sm:table-cell">Time</th>
              <th scope="col" className="px-4 py-3 font-medium">Product and task</th>
              <th scope="col" className="px-4 py-3 text-right font-medium">Amount</th>
              <th scope="col" className="w-10 px-2 py-3"><span className="sr-only">Details</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {rows.map((u) => (
              <tr key={u.id} data-event-id={u.eventId}>
                <td className="hidden whitespace-nowrap px-4 py-3 align-top text-fg-muted sm:table-cell">{formatDateTime(u.occurredAt, locale, timeZone)}</td>
                <td className="px-4 py-3 align-top">
                  <span className="mb-1 block text-xs text-fg-muted sm:hidden">{formatDateTime(u.occurredAt, locale, timeZone)}</span>
                  <span className="block font-medium">{u.productName}</span>
                  {u.subject && <span className="block break-all text-xs text-fg-muted">{u.subject}</span>}
                </td>
                <td className="tabular whitespace-nowrap px-4 py-3 text-right align-top">
                  {u.charges.map((c) => (
                    <span key={c.asset} className="block">
                      {assets[c.asset] ? formatPrecise(c.amount, assets[c.asset]!, locale) : `${c.amount} ${c.asset}`}
                    </span>
                  ))}
                </td>
                <td className="px-2 py-3 align-top">
                  <Tooltip label={`How ${u.subject ?? "this"} was billed`}>
                    <Details u={u} assets={assets} locale={locale} />
                  </Tooltip>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error && <p role="alert" className="text-sm text-danger">{error.message}</p>}
      {!compact && hasNextPage && (
        <button type="button" className={secondaryButton} onClick={() => fetchNextPage()} disabled={isFetchingNextPage}>
          {isFetchingNextPage ? "Loading…" : "Show older usage"}
        </button>
      )}
    </div>
  );
}
