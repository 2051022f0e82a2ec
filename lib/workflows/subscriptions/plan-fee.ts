import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Interval, PriceDef } from "@/lib/domain/catalog/definition";
import { decodePrices } from "@/lib/domain/catalog/definition-codec";
import type { DbOrTx } from "@/lib/kernel/db";
import { col, parseRows } from "@/lib/kernel/db/rows";
import type { Decimal } from "@/lib/kernel/money";

/** The fixed recurring price a subscription pays each period. */
export interface PlanFee {
  amount: Decimal;
  currency: string;
  interval: Interval;
  intervalCount: number;
  /** Which of the subscription's products carries it, and its name, for receipts and the portal. */
  productId: string;
  version: number;
  position: number;
  name: string;
}

/** The fixed recurring price of one product version, or null when it has none. */
export function fixedFeeOf(prices: PriceDef[]): Omit<PlanFee, "productId" | "version" | "position" | "name"> | null {
  const price = prices.find((p) => p.type === "fixed");
  if (!price || price.billing_model.type !== "recurring") return null;
  const pricing = price.pricing[0];
  const value = pricing?.values[0];
  const amount = value && "unit_price" in value ? value.unit_price : null;
  if (!pricing || amount === null || amount === undefined) return null;
  const { interval, interval_count } = price.billing_model.recurring;
  return { amount, currency: pricing.asset, interval, intervalCount: interval_count };
}

const rowColumns = z.object({
  product_id: col.text(),
  version: col.int(),
  position: col.int(),
  name: col.text(),
  prices: col.text(),
});

/** The fee of the subscription's plan (its product with a fixed recurring price), or null for usage-only subscriptions. */
export async function planFeeOf(db: DbOrTx, subscriptionId: string): Promise<PlanFee | null> {
  const rows = parseRows(
    rowColumns,
    await db.execute(sql`
      SELECT sp.product_id, sp.version, sp.position, v.name, v.prices::text AS prices
      FROM subscription_products sp JOIN product_versions v ON v.product_id = sp.product_id AND v.version = sp.version
      WHERE sp.subscription_id = ${subscriptionId} ORDER BY sp.position`),
  );
  for (const r of rows) {
    const fee = fixedFeeOf(decodePrices(r.prices));
    if (fee) return { ...fee, productId: r.product_id, version: Number(r.version), position: Number(r.position), name: r.name };
  }
  return null;
}
