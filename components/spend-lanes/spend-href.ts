import { searchOf } from "@/lib/workflows/queries/keys";
import type { SpendQuery } from "@/lib/workflows/wallet/spend/ranges";

/** Everything the Spending page's URL carries. */
export interface SpendPageQuery extends SpendQuery {
  by?: string;
  lane?: string;
  lane_value?: string;
}

/** The Spending page with some of its choices changed and the rest kept. */
export function spendHref(q: SpendPageQuery, change: Partial<SpendPageQuery>): string {
  const n = { ...q, ...change };
  return `/spend?${searchOf({ asset: n.asset, range: n.range, bucket: n.bucket, unit: n.unit === "fiat" ? "fiat" : undefined, by: n.by, lane: n.lane, lane_value: n.lane_value })}`;
}
