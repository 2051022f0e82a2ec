import { sql } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { DbOrTx } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import type { CustomerScope } from "@/lib/kernel/scope";
import { SPEND_RANGES, type SpendBucket, type SpendRange } from "./ranges";
import { rollupsOf } from "./rollup-sql";
import { cachedSpend } from "./spend-cache";
import { buildSeries, type SpendRow, type SpendSeries } from "./series";

export interface SeriesWindow {
  first: string;
  last: string;
}

/** First and last bucket of a range, as local dates in the customer's timezone. */
async function window(db: DbOrTx, range: SpendRange, bucket: SpendBucket, timeZone: string): Promise<SeriesWindow> {
  const at = now().toISOString();
  const days = SPEND_RANGES[range].days - 1;
  const [row] = rowsOf<SeriesWindow>(
    await db.execute(sql`
      SELECT to_char(date_trunc(${bucket}, (${at}::timestamptz AT TIME ZONE ${timeZone}) - ${`${days} days`}::interval), 'YYYY-MM-DD') AS first,
             to_char(date_trunc(${bucket}, ${at}::timestamptz AT TIME ZONE ${timeZone}), 'YYYY-MM-DD') AS last`),
  );
  return row!;
}

/**
 * Usage spend in one asset, bucketed by day, week (Monday) or month in the customer's timezone and
 * split by product. Bucketing and sums run in SQL over the 15-minute spend rollups; always queries.
 */
export async function querySpendSeries(
  db: DbOrTx,
  scope: CustomerScope,
  asset: string,
  range: SpendRange,
  bucket: SpendBucket,
  timeZone: string,
): Promise<SpendSeries & SeriesWindow> {
  const w = await window(db, range, bucket, timeZone);
  const step = bucket === "week" ? "7 days" : `1 ${bucket}`;
  // One row per bucket with its bounds as instants, then index ranges per bucket: the time-zone
  // arithmetic runs once per bucket instead of once per 15-minute slot.
  const rows = rowsOf<SpendRow>(
    await db.execute(sql`
      WITH b AS MATERIALIZED (
        SELECT to_char(d, 'YYYY-MM-DD') AS bucket, d AT TIME ZONE ${timeZone} AS lo, (d + ${step}::interval) AT TIME ZONE ${timeZone} AS hi
        FROM generate_series(${w.first}::timestamp, ${w.last}::timestamp, ${step}::interval) d)
      SELECT b.bucket, r.product_id AS "productId", max(r.product_name) AS "productName", sum(r.amount)::text AS amount
      FROM b JOIN spend_rollups r ON ${rollupsOf(scope)} AND r.asset_code = ${asset} AND r.bucket_start >= b.lo AND r.bucket_start < b.hi
      GROUP BY 1, 2`),
  );
  return { ...buildSeries(rows, w.first, w.last, bucket), ...w };
}

/** querySpendSeries, computed once per change of the customer's ledger or of the 15-minute slot. */
export function spendSeries(...args: Parameters<typeof querySpendSeries>): Promise<SpendSeries & SeriesWindow> {
  const [db, scope, asset, range, bucket, timeZone] = args;
  return cachedSpend(db, scope, `series:${asset}:${range}:${bucket}:${timeZone}`, () => querySpendSeries(...args));
}
