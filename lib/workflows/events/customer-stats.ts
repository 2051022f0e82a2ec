import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { timestampField } from "@/lib/kernel/fields/fields";
import { findAssets } from "@/lib/domain/assets/find-asset";
import { currentRate, fiatValueOf } from "@/lib/domain/assets/rates";
import { now } from "@/lib/kernel/clock";
import { getCustomerOrThrow } from "@/lib/domain/customers/customer-store";
import { dec, toLedgerScale, type Decimal } from "@/lib/kernel/money";
import type { PlatformScope } from "@/lib/kernel/scope";

export const customerStatsQuerySchema = z.strictObject({
  from: timestampField().optional(),
  to: timestampField().optional(),
});

export type CustomerStatsQuery = z.output<typeof customerStatsQuerySchema>;

function range(query: CustomerStatsQuery) {
  return sql`${query.from ? sql`AND occurred_at >= ${query.from.toISOString()}::timestamptz` : sql``}
    ${query.to ? sql`AND occurred_at < ${query.to.toISOString()}::timestamptz` : sql``}`;
}

/**
 * Revenue (usage fees by asset, with each asset's fiat value at its current default rate), vendor
 * costs by currency, and the margin per currency, over the customer's events in [from, to).
 * @throws NotFoundError
 */
export async function customerStats(db: DbOrTx, scope: PlatformScope, customerId: string, query: CustomerStatsQuery) {
  const customer = await getCustomerOrThrow(db, scope, customerId);
  const [fees, costs] = await Promise.all([
    db.execute(sql`SELECT asset_code AS k, sum(amount)::text AS total FROM event_fees
      WHERE customer_id = ${customer.id} AND platform_id = ${scope.platformId} AND live_mode = ${scope.liveMode} ${range(query)}
      GROUP BY asset_code ORDER BY asset_code`),
    db.execute(sql`SELECT currency AS k, sum(amount)::text AS total FROM event_costs
      WHERE customer_id = ${customer.id} AND platform_id = ${scope.platformId} AND live_mode = ${scope.liveMode} ${range(query)}
      GROUP BY currency ORDER BY currency`),
  ]);
  const revenueRows = rowsOf<{ k: string; total: string }>(fees);
  const costRows = rowsOf<{ k: string; total: string }>(costs);
  const assets = await findAssets(db, scope, revenueRows.map((r) => r.k));
  const at = now();
  const revenue = revenueRows.map((r) => {
    const asset = assets.get(r.k);
    const amount = dec(r.total);
    if (asset?.kind === "fiat") return { asset: r.k, amount, value: { currency: r.k, amount } };
    const rate = asset ? currentRate(asset, at) : null;
    return { asset: r.k, amount, value: rate ? { currency: rate.source, amount: toLedgerScale(fiatValueOf(amount, rate)) } : null };
  });
  const byCurrency = new Map<string, { revenue: Decimal; costs: Decimal }>();
  const entry = (c: string) => byCurrency.get(c) ?? byCurrency.set(c, { revenue: dec("0"), costs: dec("0") }).get(c)!;
  for (const r of revenue) if (r.value) entry(r.value.currency).revenue = entry(r.value.currency).revenue.plus(r.value.amount);
  for (const c of costRows) entry(c.k).costs = dec(c.total);
  return {
    id: customer.id,
    from: query.from?.toISOString() ?? null,
    to: query.to?.toISOString() ?? null,
    revenue,
    costs: costRows.map((c) => ({ currency: c.k, amount: dec(c.total) })),
    margin: [...byCurrency].sort(([a], [b]) => a.localeCompare(b)).map(([currency, v]) => {
      const net = v.revenue.minus(v.costs);
      return { currency, revenue: v.revenue, costs: v.costs, net, margin: v.revenue.gt(0) ? net.div(v.revenue).toDecimalPlaces(4) : null };
    }),
  };
}
