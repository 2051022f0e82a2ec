"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("transactions");
  const used = formatDate(usedAt, locale, timeZone);
  if (used === formatDate(postedAt, locale, timeZone)) return null;
  return <span className="mt-1 block text-xs text-fg-muted" data-testid="used-on">{t("usedOn", { date: used })}</span>;
}

export function TransactionsTable({ query, assets, locale, timeZone, filtered }: Props) {
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage, error } = useTransactions(query);
  const tr = useTranslations("transactions");
  const tc = useTranslations("common");
  const rows = data?.pages.flatMap((p) => p.items) ?? [];
  if (rows.length === 0) {
    return filtered ? (
      <EmptyState title={tr("noMatch")}>{tr("noMatchText")}</EmptyState>
    ) : (
      <EmptyState title={tr("none")}>{tr("noneText")}</EmptyState>
    );
  }
  const balance = (t: TransactionView) => (assets[t.asset] ? formatAmount(t.balanceAfter, assets[t.asset]!, locale) : t.balanceAfter);
  // With no description of its own, a movement is described by its category, in the reader's language.
  const description = (t: TransactionView) => (t.description === t.categoryLabel ? tr("category", { category: t.category }) : t.description);
  return (
    <div className="space-y-4">
      <div className="overflow-x-auto rounded-xl border border-line bg-surface-raised" tabIndex={0} role="region" aria-label={tr("region")}>
        <table className="w-full text-sm" data-testid="transactions-table">
          <caption className="sr-only">{tr("caption")}</caption>
          <thead className="border-b border-line text-start text-xs uppercase tracking-wide text-fg-muted">
            <tr>
              <th scope="col" className="hidden px-4 py-3 font-medium sm:table-cell">{tr("posted")}</th>
              <th scope="col" className="px-4 py-3 font-medium">{tr("descriptionColumn")}</th>
              <th scope="col" className="px-4 py-3 text-end font-medium">{tr("amount")}</th>
              <th scope="col" className="hidden px-4 py-3 text-end font-medium sm:table-cell">{tr("balanceAfter")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {rows.map((t) => (
              <tr key={t.id} data-transfer-id={t.transferId}>
                <td className="hidden whitespace-nowrap px-4 py-3 align-top text-fg-muted sm:table-cell">{formatDateTime(t.createdAt, locale, timeZone)}</td>
                <td className="px-4 py-3 align-top">
                  <span className="mb-1 block text-xs text-fg-muted sm:hidden">{formatDateTime(t.createdAt, locale, timeZone)}</span>
                  <span className="me-2 inline-block rounded bg-surface-sunken px-1.5 py-0.5 text-xs font-medium text-fg-muted">{tr("category", { category: t.category })}</span>
                  <span className="break-words">{description(t)}</span>
                  {t.usedAt && <UsedOn usedAt={t.usedAt} postedAt={t.createdAt} locale={locale} timeZone={timeZone} />}
                  <span className="mt-1 block text-xs text-fg-muted sm:hidden">{tr("balanceAfterValue", { balance: balance(t) })}</span>
                </td>
                <td className="whitespace-nowrap px-4 py-3 text-end align-top">
                  <Amount t={t} asset={assets[t.asset]} locale={locale} />
                </td>
                <td className="tabular hidden whitespace-nowrap px-4 py-3 text-end align-top text-fg-muted sm:table-cell">{balance(t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error && <p role="alert" className="text-sm text-danger">{error.message}</p>}
      {hasNextPage && (
        <button type="button" className={secondaryButton} onClick={() => fetchNextPage()} disabled={isFetchingNextPage}>
          {isFetchingNextPage ? tc("loading") : tr("showOlder")}
        </button>
      )}
    </div>
  );
}
