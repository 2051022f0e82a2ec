// Query keys and URL builders shared by server prefetches and client hooks (no "use client" here,
// so server components get the real values).

export interface TransactionQuery {
  month?: string;
  asset?: string;
  category?: string;
}

export const balanceKeys = { all: ["balances"] as const };

export const creditKeys = { timeline: ["portal", "credits"] as const };

export const transactionKeys = {
  all: ["transactions"] as const,
  list: (q: TransactionQuery) => ["transactions", q.month ?? "", q.asset ?? "", q.category ?? ""] as const,
};

/** Query string for the given filters plus an optional cursor, empty values left out. */
export function searchOf(values: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) params.set(k, v);
  return params.toString();
}

export interface UsageQuery {
  from?: string;
  to?: string;
  product?: string;
  /** A visible lane and the value to keep. */
  lane?: string;
  lane_value?: string;
}

export const usageKeys = {
  all: ["usage"] as const,
  list: (q: UsageQuery) => ["usage", q.from ?? "", q.to ?? "", q.product ?? "", q.lane ?? "", q.lane_value ?? ""] as const,
};

export const paymentKeys = {
  topUps: ["portal", "top-ups"] as const,
  topUp: (id: string) => ["portal", "top-ups", id] as const,
  cards: ["portal", "payment-methods"] as const,
  autoTopUp: ["portal", "auto-top-up"] as const,
};
