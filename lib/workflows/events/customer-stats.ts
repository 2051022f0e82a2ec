import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/lib/kernel/db";
import { parseRows } from "@/lib/kernel/db/rows";
import { timestampField } from "@/lib/kernel/fields/fields";
import { getCustomerOrThrow } from "@/lib/domain/customers/customer-store";
import type { PlatformScope } from "@/lib/kernel/scope";
import { keyedTotal, revenueFigures } from "./revenue-figures";

export const customerStatsQuerySchema = z.strictObject({
  from: timestampField().optional(),
  to: timestampField().optional(),
});

export type CustomerStatsQuery = z.output<typeof customerStatsQuerySchema>;

export function range(query: CustomerStatsQuery) {
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
  const figures = await revenueFigures(db, scope, parseRows(keyedTotal, fees), parseRows(keyedTotal, costs));
  return { id: customer.id, from: query.from?.toISOString() ?? null, to: query.to?.toISOString() ?? null, ...figures };
}
