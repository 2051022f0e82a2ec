"use client";

import { useQuery } from "@tanstack/react-query";
import type { BalanceView } from "@/lib/workflows/wallet/balance-views";
import { portalFetch } from "./portal-fetch";
import { balanceKeys } from "./keys";

/** Balances, hydrated from the server render and refreshed when the tab regains focus. */
export function useBalances() {
  return useQuery({ queryKey: balanceKeys.all, queryFn: () => portalFetch<BalanceView[]>("/api/portal/balances") });
}
