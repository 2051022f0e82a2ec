import { dec, type Decimal } from "@/lib/kernel/money";
import type { SpendBucket } from "./ranges";

export interface SpendRow {
  /** Local start of the bucket, YYYY-MM-DD in the customer's timezone. */
  bucket: string;
  productId: string;
  productName: string;
  amount: string;
}

interface SpendPoint {
  bucket: string;
  total: string;
  byProduct: Record<string, string>;
}

/** A chart-ready spend series; amounts are exact decimal strings. */
export interface SpendSeries {
  products: { id: string; name: string }[];
  points: SpendPoint[];
  total: string;
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function nextBucket(day: string, bucket: SpendBucket): string {
  if (bucket === "day") return addDays(day, 1);
  if (bucket === "week") return addDays(day, 7);
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Fills the gaps between `first` and `last` (every bucket appears, with zero where nothing was
 * spent) and totals each bucket exactly. Products are ordered by total spend, largest first, so
 * the chart's stacks and legend read from most to least.
 */
export function buildSeries(rows: SpendRow[], first: string, last: string, bucket: SpendBucket): SpendSeries {
  const byBucket = new Map<string, Map<string, Decimal>>();
  const productTotals = new Map<string, { name: string; total: Decimal }>();
  for (const r of rows) {
    const amount = dec(r.amount);
    const products = byBucket.get(r.bucket) ?? new Map<string, Decimal>();
    products.set(r.productId, (products.get(r.productId) ?? dec("0")).plus(amount));
    byBucket.set(r.bucket, products);
    const p = productTotals.get(r.productId) ?? { name: r.productName, total: dec("0") };
    productTotals.set(r.productId, { name: p.name, total: p.total.plus(amount) });
  }
  const products = [...productTotals.entries()]
    .sort(([, a], [, b]) => b.total.comparedTo(a.total))
    .map(([id, p]) => ({ id, name: p.name }));
  const points: SpendPoint[] = [];
  let grand = dec("0");
  for (let day = first; day <= last; day = nextBucket(day, bucket)) {
    const values = byBucket.get(day) ?? new Map<string, Decimal>();
    let total = dec("0");
    const byProduct: Record<string, string> = {};
    for (const [id, v] of values) {
      byProduct[id] = v.toString();
      total = total.plus(v);
    }
    grand = grand.plus(total);
    points.push({ bucket: day, total: total.toString(), byProduct });
  }
  return { products, points, total: grand.toString() };
}

