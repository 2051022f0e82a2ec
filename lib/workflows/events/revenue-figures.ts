import { z } from "zod";
import { col } from "@/lib/kernel/db/rows";
import type { DbOrTx } from "@/lib/kernel/db";
import { findAssets } from "@/lib/domain/assets/find-asset";
import { currentRate, fiatValueOf } from "@/lib/domain/assets/rates";
import { now } from "@/lib/kernel/clock";
import { dec, toLedgerScale, type Decimal } from "@/lib/kernel/money";
import type { PlatformScope } from "@/lib/kernel/scope";

/** A sum per key (an asset code for fees, a currency for costs), as SQL returns it. */
/** A total per key (asset code or currency), summed as text so it stays exact. */
export const keyedTotal = z.object({ k: col.text(), total: col.text() });
export type KeyedTotal = z.output<typeof keyedTotal>;

/**
 * Revenue by asset (with each asset's fiat value at its current default rate), costs by currency, and
 * the margin per currency: the figures customer, vendor and task stats share.
 */
export async function revenueFigures(db: DbOrTx, scope: PlatformScope, fees: KeyedTotal[], costs: KeyedTotal[]) {
  return figuresWith(await findAssets(db, scope, fees.map((r) => r.k)), fees, costs);
}

type AssetsByCode = Awaited<ReturnType<typeof findAssets>>;

/** revenueFigures with the assets already found (one lookup for many sets of figures). */
export function figuresWith(assets: AssetsByCode, fees: KeyedTotal[], costs: KeyedTotal[]) {
  const at = now();
  const revenue = fees.map((r) => {
    const asset = assets.get(r.k);
    const amount = dec(r.total);
    if (asset?.kind === "fiat") return { asset: r.k, amount, value: { currency: r.k, amount } };
    const rate = asset ? currentRate(asset, at) : null;
    return { asset: r.k, amount, value: rate ? { currency: rate.source, amount: toLedgerScale(fiatValueOf(amount, rate)) } : null };
  });
  const byCurrency = new Map<string, { revenue: Decimal; costs: Decimal }>();
  const entry = (c: string) => byCurrency.get(c) ?? byCurrency.set(c, { revenue: dec("0"), costs: dec("0") }).get(c)!;
  for (const r of revenue) if (r.value) entry(r.value.currency).revenue = entry(r.value.currency).revenue.plus(r.value.amount);
  for (const c of costs) entry(c.k).costs = dec(c.total);
  return {
    revenue,
    costs: costs.map((c) => ({ currency: c.k, amount: dec(c.total) })),
    margin: [...byCurrency].sort(([a], [b]) => a.localeCompare(b)).map(([currency, v]) => {
      const net = v.revenue.minus(v.costs);
      return { currency, revenue: v.revenue, costs: v.costs, net, margin: v.revenue.gt(0) ? net.div(v.revenue).toDecimalPlaces(4) : null };
    }),
  };
}
