"use client";

import { assetName } from "@/lib/kernel/i18n/asset-name";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Suspense, use } from "react";
import { formatAmount, fiatDisplay } from "@/lib/kernel/money/format";
import type { BalanceView } from "@/lib/workflows/wallet/balance-views";
import type { SpendFigures } from "@/lib/workflows/wallet/spend/spend-summary";

interface Props {
  balance: BalanceView;
  /** Streamed after the balances: spent this month and runway per account id. */
  figures?: Promise<Record<string, SpendFigures>>;
  locale: string;
  canTopUp: boolean;
}

const LOW_RUNWAY_DAYS = 3;

function Figures({ figures, balance, locale }: { figures: Promise<Record<string, SpendFigures>>; balance: BalanceView; locale: string }) {
  const f = use(figures)[balance.accountId];
  const t = useTranslations("balance");
  if (!f) return null;
  const low = f.runwayDays !== null && f.runwayDays < LOW_RUNWAY_DAYS;
  return (
    <>
      <div>
        <dt className="text-fg-muted">{t("spentThisMonth")}</dt>
        <dd className="tabular font-medium" data-testid="spent-this-month">{formatAmount(f.spentThisMonth, balance.asset, locale)}</dd>
      </div>
      {f.runwayDays !== null && !balance.available.startsWith("-") && (
        <div className="col-span-2">
          <dt className="sr-only">{t("runway")}</dt>
          <dd className={low ? "font-medium text-warning" : "text-fg-muted"} data-testid="runway">
            {t("runwayText", { low: String(low), days: f.runwayDays })}
          </dd>
        </div>
      )}
    </>
  );
}

function emptyState(balance: BalanceView): "belowZero" | "empty" | null {
  if (balance.available.startsWith("-")) return "belowZero";
  if (/^0(\.0*)?$/.test(balance.available)) return "empty";
  return null;
}

export function BalanceCard({ balance, figures, locale, canTopUp }: Props) {
  const { asset } = balance;
  const problem = emptyState(balance);
  const t = useTranslations("balance");
  return (
    <section
      aria-labelledby={`balance-${asset.code}`}
      className={`flex flex-col rounded-xl border bg-surface-raised p-5 shadow-sm ${problem ? "border-danger" : "border-line"}`}
      data-testid={`balance-${asset.code}`}
    >
      <h2 id={`balance-${asset.code}`} className="text-sm font-medium text-fg-muted">
        {asset.symbol && asset.kind === "custom" ? <span aria-hidden>{asset.symbol} </span> : null}
        {assetName(asset, locale)}
        {balance.accountName !== "default" ? ` · ${balance.accountName}` : ""}
      </h2>
      <p className={`tabular mt-2 text-3xl font-semibold tracking-tight ${balance.available.startsWith("-") ? "text-danger" : ""}`} data-testid="available">
        {formatAmount(balance.available, asset, locale)}
      </p>
      {balance.fiatValue && (
        <p className="tabular mt-1 text-sm text-fg-muted" data-testid="fiat-value">
          {t("fiatValue", {
            value: fiatDisplay(balance.fiatValue.amount, balance.fiatValue.currency, locale),
            rate: fiatDisplay(balance.fiatValue.unitPrice, balance.fiatValue.currency, locale, { rate: true }),
            unit: asset.label ?? assetName(asset, locale),
          })}
        </p>
      )}
      <dl className="mt-4 grid min-h-[4.5rem] grid-cols-2 content-start gap-3 text-sm">
        {balance.pendingIn !== "0" && (
          <div>
            <dt className="text-fg-muted">{t("pendingIn")}</dt>
            <dd className="tabular font-medium" data-testid="pending-in">{formatAmount(balance.pendingIn, asset, locale)}</dd>
          </div>
        )}
        {figures && (
          <Suspense fallback={<div className="h-10 animate-pulse rounded bg-surface-sunken" aria-hidden />}>
            <Figures figures={figures} balance={balance} locale={locale} />
          </Suspense>
        )}
      </dl>
      {problem && (
        <p role="status" className="mt-3 rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">
          {problem === "belowZero" ? t("belowZero") : t("empty")}
        </p>
      )}
      {canTopUp && (
        <div className="mt-auto pt-4">
          <Link href={`/top-up?account=${encodeURIComponent(balance.accountId)}`} className={`text-sm font-semibold ${problem ? "text-fg underline" : "text-brand-text"}`}>
            {t("topUp", { asset: assetName(asset, locale) })}
          </Link>
        </div>
      )}
    </section>
  );
}
