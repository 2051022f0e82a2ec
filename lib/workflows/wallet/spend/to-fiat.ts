import { fiatValueOf } from "@/lib/domain/assets/rates";
import type { AssetRate } from "@/lib/domain/assets/types";
import { dec } from "@/lib/kernel/money";
import type { SpendSeries } from "./series";

/** The same series valued in the rate's fiat currency (for a custom asset's "in dollars" view). */
export function seriesInFiat(series: SpendSeries, rate: AssetRate): SpendSeries {
  const value = (v: string) => fiatValueOf(dec(v), rate).toString();
  return {
    products: series.products,
    total: value(series.total),
    points: series.points.map((p) => ({
      bucket: p.bucket,
      total: value(p.total),
      byProduct: Object.fromEntries(Object.entries(p.byProduct).map(([k, v]) => [k, value(v)])),
    })),
  };
}
