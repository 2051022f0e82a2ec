"use client";

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
  if (balances.length === 0) {
    return (
      <EmptyState title="Your wallet is empty for now">
        Balances appear here as soon as credit is added{canTopUp ? " — top up to get started." : "."}
      </EmptyState>
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
