"use client";

import { useQuery } from "@tanstack/react-query";
import type { BalanceView } from "@/lib/wallet/balance-views";
import { fetchPortal } from "./fetch-json";
import { balanceKeys } from "./keys";

/** Balances, hydrated from the server render and refreshed when the tab regains focus. */
export function useBalances() {
  return useQuery({ queryKey: balanceKeys.all, queryFn: () => fetchPortal<BalanceView[]>("/api/portal/balances") });
}
