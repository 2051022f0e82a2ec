"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { UsagePage } from "@/lib/workflows/wallet/usage/view";
import { portalFetch } from "./portal-fetch";
import { searchOf, usageKeys, type UsageQuery } from "./keys";

/** Pages of usage records; the first comes hydrated from the server render. */
export function useUsage(q: UsageQuery) {
  return useInfiniteQuery({
    queryKey: usageKeys.list(q),
    queryFn: ({ pageParam }) => portalFetch<UsagePage>(`/api/portal/usage?${searchOf({ ...q, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
