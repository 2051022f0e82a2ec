"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { TransactionView } from "@/lib/workflows/wallet/transactions/view";
import { portalFetch } from "./portal-fetch";
import { searchOf, transactionKeys, type TransactionQuery } from "./keys";

export interface TransactionPage {
  items: TransactionView[];
  nextCursor: string | null;
}

/** Pages of transactions; the first comes hydrated from the server render. */
export function useTransactions(q: TransactionQuery) {
  return useInfiniteQuery({
    queryKey: transactionKeys.list(q),
    queryFn: ({ pageParam }) => portalFetch<TransactionPage>(`/api/portal/transactions?${searchOf({ ...q, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
