import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/lib/kernel/db";
import { col, parseRows } from "@/lib/kernel/db/rows";
import { dec } from "@/lib/kernel/money";
import type { CustomerScope } from "@/lib/kernel/scope";
import type { SpendBucket } from "../ranges";
import { buildSeries, type SpendSeries } from "../series";
import { LANE_TOP, laneFilterSql, laneValueSql, type LaneFilter } from "./lane-sql";

export interface LaneSeriesInput {
  /** A dimension the platform marked visible (the caller checks). */
  dimension: string;
  asset: string;
  /** First local day counted, YYYY-MM-DD in `timeZone`. */
  from: string;
  /** First local day no longer counted. */
  until: string;
  bucket: SpendBucket;
  timeZone: string;
  filter: LaneFilter | null;
  product?: string;
}

/** One stack of the chart and row of the table: a value, the events without one, or the rest. */
export interface LaneTotal {
  /** The series key (l0…, none, other): values themselves can be any text, so they never key a chart. */
  id: string;
  kind: "value" | "none" | "other";
  value: string | null;
  total: string;
  fees: number;
}

export interface LaneBreakdown {
  /** The chart: `products` are the lanes' values, largest first. */
  series: SpendSeries;
  totals: LaneTotal[];
}

const rowSchema = z.object({ bucket: col.text(), value: col.text().nullable(), other: z.boolean(), rank: col.int(), amount: col.text(), fees: col.int() });
type Row = z.output<typeof rowSchema>;

function feesOf(scope: CustomerScope, input: LaneSeriesInput): SQL {
  const where = [
    sql`f.customer_id = ${scope.customerId}`,
    sql`f.platform_id = ${scope.platformId}`,
    sql`f.live_mode = ${scope.liveMode}`,
    sql`f.asset_code = ${input.asset}`,
    sql`f.occurred_at >= b.lo`,
    sql`f.occurred_at < b.hi`,
  ];
  if (input.product) where.push(sql`f.product_id = ${input.product}`);
  return sql.join(where, sql` AND `);
}

/**
 * Usage fees in one asset split by the events' values for one lane, bucketed in the customer's
 * timezone. The top LANE_TOP values keep their own key and the rest become "other", in SQL, so a
 * customer with a million distinct values still gets a bounded answer.
 */
async function queryRows(db: DbOrTx, scope: CustomerScope, input: LaneSeriesInput): Promise<Row[]> {
  const { bucket, timeZone } = input;
  const step = bucket === "week" ? "7 days" : `1 ${bucket}`;
  const filter = input.filter ? sql`AND ${laneFilterSql(input.filter)}` : sql``;
  return parseRows(
    rowSchema,
    await db.execute(sql`
      WITH b AS MATERIALIZED (
        SELECT to_char(d, 'YYYY-MM-DD') AS bucket,
          greatest(d, ${input.from}::timestamp) AT TIME ZONE ${timeZone} AS lo,
          least(d + ${step}::interval, ${input.until}::timestamp) AT TIME ZONE ${timeZone} AS hi
        FROM generate_series(date_trunc(${bucket}, ${input.from}::timestamp), ${input.until}::timestamp - interval '1 second', ${step}::interval) d),
      x AS MATERIALIZED (
        SELECT b.bucket, ${laneValueSql(input.dimension)} AS v, f.amount
        FROM b JOIN event_fees f ON ${feesOf(scope, input)}
        JOIN events e ON e.pk = f.event_pk AND e.platform_id = ${scope.platformId}
        WHERE TRUE ${filter}),
      t AS (SELECT v, row_number() OVER (ORDER BY sum(amount) DESC, v NULLS LAST) AS n FROM x GROUP BY v)
      SELECT x.bucket, CASE WHEN t.n <= ${LANE_TOP} THEN x.v END AS value, t.n > ${LANE_TOP} AS other,
        min(t.n)::int AS rank, sum(x.amount)::text AS amount, count(*)::int AS fees
      FROM x JOIN t ON t.v IS NOT DISTINCT FROM x.v
      GROUP BY 1, 2, 3`),
  );
}

function keyOf(r: Row): { id: string; kind: LaneTotal["kind"] } {
  if (r.other) return { id: "other", kind: "other" };
  return r.value === null ? { id: "none", kind: "none" } : { id: `l${r.rank}`, kind: "value" };
}

/** First and last bucket start of [from, until) as local dates. */
async function bucketBounds(db: DbOrTx, input: LaneSeriesInput): Promise<{ first: string; last: string }> {
  const [row] = parseRows(
    z.object({ first: col.text(), last: col.text() }),
    await db.execute(sql`
      SELECT to_char(date_trunc(${input.bucket}, ${input.from}::timestamp), 'YYYY-MM-DD') AS first,
        to_char(date_trunc(${input.bucket}, ${input.until}::timestamp - interval '1 second'), 'YYYY-MM-DD') AS last`),
  );
  return row!;
}

/** Spend split by a lane's values: a chart series and exact totals per value. */
export async function laneBreakdown(db: DbOrTx, scope: CustomerScope, input: LaneSeriesInput): Promise<LaneBreakdown> {
  const [rows, { first, last }] = await Promise.all([queryRows(db, scope, input), bucketBounds(db, input)]);
  const totals = new Map<string, LaneTotal>();
  for (const r of rows) {
    const { id, kind } = keyOf(r);
    const t = totals.get(id) ?? { id, kind, value: kind === "value" ? r.value : null, total: "0", fees: 0 };
    totals.set(id, { ...t, total: dec(t.total).plus(dec(r.amount)).toString(), fees: t.fees + r.fees });
  }
  // The portal names "none" and "other" in its own words; here they keep their kind.
  const names = (t: LaneTotal) => t.value ?? t.kind;
  const series = buildSeries(
    rows.map((r) => ({ bucket: r.bucket, productId: keyOf(r).id, productName: names(totals.get(keyOf(r).id)!), amount: r.amount })),
    first,
    last,
    input.bucket,
  );
  // Largest first, with "Other" always last so the named values read in order.
  const ordered = series.products.map((p) => totals.get(p.id)!).sort((a, b) => Number(a.kind === "other") - Number(b.kind === "other"));
  series.products = ordered.map((t) => ({ id: t.id, name: names(t) }));
  return { series, totals: ordered };
}
