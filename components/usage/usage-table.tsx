"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { formatDateTime } from "@/lib/kernel/format/dates";
import { formatAmount, type AssetDisplay } from "@/lib/kernel/money/format";
import { secondaryButton } from "@/components/ui/button-styles";
import { EmptyState } from "@/components/ui/card";
import type { SpendLane } from "@/lib/domain/platforms/spend-lanes";
import type { UsageQuery } from "@/lib/workflows/queries/keys";
import { useUsage } from "@/lib/workflows/queries/usage";
import type { UsageView } from "@/lib/workflows/wallet/usage/view";
import { UsageDetails } from "./usage-details";

interface Props {
  query: UsageQuery;
  assets: Record<string, AssetDisplay>;
  locale: string;
  timeZone: string;
  filtered: boolean;
  /** Show only the first page, without paging (the overview's "latest usage"). */
  compact?: boolean;
  /** The lanes the platform made visible: each record's values for them appear in its details. */
  lanes?: SpendLane[];
}

interface RowProps {
  u: UsageView;
  assets: Record<string, AssetDisplay>;
  locale: string;
  timeZone: string;
  lanes: SpendLane[];
}

/**
 * One usage record and, below it, how it was billed. The explanation is a disclosure row inside the
 * table's own flow rather than a floating popup, so a click, a tap or Enter opens it the same way and it
 * is never clipped by the table's scroll area or the screen edge.
 */
function UsageRow({ u, assets, locale, timeZone, lanes }: RowProps) {
  const t = useTranslations("usage");
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const when = formatDateTime(u.occurredAt, locale, timeZone);
  return (
    <>
      <tr data-event-id={u.eventId} className="border-t border-line">
        <td className="hidden whitespace-nowrap px-4 py-3 align-top text-fg-muted sm:table-cell">{when}</td>
        <td className="px-4 py-3 align-top">
          <span className="mb-1 block text-xs text-fg-muted sm:hidden">{when}</span>
          <span className="block font-medium">{u.productName}</span>
          {u.subject && <span className="block wrap-anywhere text-xs text-fg-muted">{u.subject}</span>}
        </td>
        <td className="tabular whitespace-nowrap px-4 py-3 text-end align-top">
          {u.charges.map((c) => (
            <span key={c.asset} className="block">
              {assets[c.asset] ? formatAmount(c.amount, assets[c.asset]!, locale) : `${c.amount} ${c.asset}`}
            </span>
          ))}
        </td>
        <td className="px-2 py-2 text-end align-top">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={u.subject ? t("howBilled", { subject: u.subject }) : t("howThisBilled")}
            onClick={() => setOpen((o) => !o)}
            className="inline-flex h-9 min-w-9 items-center justify-center gap-1 rounded-md border border-line px-2 text-xs font-medium text-fg-muted hover:text-fg"
          >
            <span aria-hidden className={`inline-block transition-transform ${open ? "rotate-180" : ""}`}>▾</span>
            <span className="hidden md:inline">{t("details")}</span>
          </button>
        </td>
      </tr>
      <tr id={detailsId} hidden={!open} data-testid="usage-details" className="bg-surface-sunken">
        <td colSpan={4} className="px-4 py-3">
          <UsageDetails u={u} assets={assets} locale={locale} lanes={lanes} />
        </td>
      </tr>
    </>
  );
}

export function UsageTable({ query, assets, locale, timeZone, filtered, compact, lanes = [] }: Props) {
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage, error } = useUsage(query);
  const t = useTranslations("usage");
  const tc = useTranslations("common");
  const rows = (data?.pages.flatMap((p) => p.items) ?? []).slice(0, compact ? 5 : undefined);
  if (rows.length === 0) {
    return filtered ? (
      <EmptyState title={t("noneInPeriod")}>{t("noneInPeriodText")}</EmptyState>
    ) : (
      <EmptyState title={t("none")}>{t("noneText")}</EmptyState>
    );
  }
  return (
    <div className="space-y-4">
      <div className="overflow-x-auto rounded-xl border border-line bg-surface-raised" tabIndex={0} role="region" aria-label={t("region")}>
        <table className="w-full text-sm" data-testid="usage-table">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="text-start text-xs uppercase tracking-wide text-fg-muted">
            <tr>
              <th scope="col" className="hidden px-4 py-3 font-medium sm:table-cell">{t("usedAt")}</th>
              <th scope="col" className="px-4 py-3 font-medium">{t("productAndTask")}</th>
              <th scope="col" className="px-4 py-3 text-end font-medium">{t("amount")}</th>
              <th scope="col" className="w-10 px-2 py-3"><span className="sr-only">{t("howItWasBilled")}</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <UsageRow key={u.id} u={u} assets={assets} locale={locale} timeZone={timeZone} lanes={lanes} />
            ))}
          </tbody>
        </table>
      </div>
      {error && <p role="alert" className="text-sm text-danger">{error.message}</p>}
      {!compact && hasNextPage && (
        <button type="button" className={secondaryButton} onClick={() => fetchNextPage()} disabled={isFetchingNextPage}>
          {isFetchingNextPage ? tc("loading") : t("showOlder")}
        </button>
      )}
    </div>
  );
}
