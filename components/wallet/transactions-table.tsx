"use client";

import { formatDate, formatDateTime } from "@/lib/kernel/format/dates";
import { formatAmount, type AssetDisplay } from "@/lib/kernel/money/format";
import { secondaryButton } from "@/components/ui/button-styles";
import { EmptyState } from "@/components/ui/card";
import type { TransactionQuery } from "@/lib/workflows/queries/keys";
import { useTransactions } from "@/lib/workflows/queries/transactions";
import type { TransactionView } from "@/lib/workflows/wallet/transactions/view";

interface Props {
  query: TransactionQuery;
  assets: Record<string, AssetDisplay>;
  locale: string;
  timeZone: string;
  filtered: boolean;
}

function Amount({ t, asset, locale }: { t: TransactionView; asset: AssetDisplay | undefined; locale: string }) {
  const credit = !t.amount.startsWith("-");
  const text = asset ? formatAmount(t.amount, asset, locale, { signed: true }) : `${t.amount} ${t.asset}`;
  return <span className={`tabular font-medium ${credit ? "text-success" : ""}`}>{text}</span>;
}

/** For usage posted on a later day than it happened: the day it happened, which the Usage page lists it under. */
function UsedOn({ usedAt, postedAt, locale, timeZone }: { usedAt: string; postedAt: string; locale: string; timeZone: string }) {
  const used = formatDate(usedAt, locale, timeZone);
  if (used === formatDate(postedAt, locale, timeZone)) return null;
  return <span className="mt-1 block text-xs text-fg-muted" data-testid="used-on">Used on {used}, posted when it was reported</span>;
}

export function TransactionsTable({ query, assets, locale, timeZone, filtered }: Props) {
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage, error } = useTransactions(query);
  const rows = data?.pages.flatMap((p) => p.items) ?? [];
  if (rows.length === 0) {
    return filtered ? (
      <EmptyState title="Nothing matches these filters">Try another month, balance or type.</EmptyState>
    ) : (
      <EmptyState title="No transactions yet">Top-ups, usage and credits will be listed here as they happen.</EmptyState>
    );
  }
  const balance = (t: TransactionView) => (assets[t.asset] ? formatAmount(t.balanceAfter, assets[t.asset]!, locale) : t.balanceAfter);
  return (
    <div className="space-y-4">
      <div className="overflow-x-auto rounded-xl border border-line bg-surface-raised" tabIndex={0} role="region" aria-label="Transactions">
        <table className="w-full text-sm" data-testid="transactions-table">
          <caption className="sr-only">Transactions, newest first</caption>
          <thead className="border-b border-line text-left text-xs uppercase tracking-wide text-fg-muted">
            <tr>
              <th scope="col" className="hidden px-4 py-3 font-medium sm:table-cell">Posted</th>
              <th scope="col" className="px-4 py-3 font-medium">Description</th>
              <th scope="col" className="px-4 py-3 text-right font-medium">Amount</th>
              <th scope="col" className="hidden px-4 py-3 text-right font-medium sm:table-cell">Balance after</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {rows.map((t) => (
              <tr key={t.id} data-transfer-id={t.transferId}>
                <td className="hidden whitespace-nowrap px-4 py-3 align-top text-fg-muted sm:table-cell">{formatDateTime(t.createdAt, locale, timeZone)}</td>
                <td className="px-4 py-3 align-top">
                  <span className="mb-1 block text-xs text-fg-muted sm:hidden">{formatDateTime(t.createdAt, locale, timeZone)}</span>
                  <span className="mr-2 inline-block rounded bg-surface-sunken px-1.5 py-0.5 text-xs font-medium text-fg-muted">{t.categoryLabel}</span>
                  <span className="break-words">{t.description}</span>
                  {t.usedAt && <UsedOn usedAt={t.usedAt} postedAt={t.createdAt} locale={locale} timeZone={timeZone} />}
                  <span className="mt-1 block text-xs text-fg-muted sm:hidden">Balance after: {balance(t)}</span>
                </td>
                <td className="whitespace-nowrap px-4 py-3 text-right align-top">
                  <Amount t={t} asset={assets[t.asset]} locale={locale} />
                </td>
                <td className="tabular hidden whitespace-nowrap px-4 py-3 text-right align-top text-fg-muted sm:table-cell">{balance(t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error && <p role="alert" className="text-sm text-danger">{error.message}</p>}
      {hasNextPage && (
        <button type="button" className={secondaryButton} onClick={() => fetchNextPage()} disabled={isFetchingNextPage}>
          {isFetchingNextPage ? "Loading…" : "Show older transactions"}
        </button>
      )}
    </div>
  );
}
