"use client";

import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/card";
import { useBalances } from "@/lib/workflows/queries/balances";
import type { SpendFigures } from "@/lib/workflows/wallet/spend/spend-summary";
import { BalanceCard } from "./balance-card";

interface Props {
  locale: string;
  canTopUp: boolean;
  figures?: Promise<Record<string, SpendFigures>>;
}

/** A card per wallet account; hydrated from the server and refreshed on focus. */
export function BalanceCards({ locale, canTopUp, figures }: Props) {
  const { data: balances = [] } = useBalances();
  const t = useTranslations("balance");
  if (balances.length === 0) {
    return (
      <EmptyState title={t("walletEmpty")}>{t("walletEmptyText", { canTopUp: String(canTopUp) })}</EmptyState>
    );
  }
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {balances.map((b) => (
        <BalanceCard key={b.accountId} balance={b} figures={figures} locale={locale} canTopUp={canTopUp} />
      ))}
    </div>
  );
}
