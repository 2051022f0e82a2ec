import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/lib/kernel/db";
import { col, rowsOf } from "@/lib/kernel/db/rows";
import { dec } from "@/lib/kernel/money";
import type { CustomerScope } from "@/lib/kernel/scope";
import { decodeCursor, encodeCursor } from "@/lib/workflows/wallet/transactions/filters";
import { laneFilterSql, laneValuesSql, type LaneFilter } from "@/lib/workflows/wallet/spend/lanes/lane-sql";
import { laneOrThrow, visibleLanes } from "@/lib/workflows/wallet/spend/lanes/visible-lanes";
import type { UsageFilters } from "./filters";
import type { UsageFeeView, UsagePage, UsageView } from "./view";

interface EventRow {
  pk: string | number;
  id: string;
  occurred_at: string | Date;
  subject: string | null;
  description: string | null;
  status: UsageView["status"];
  lanes: unknown;
}

// Lane values are text by construction (laneValuesSql), but they are read back as jsonb: parsed, not trusted.
const lanesColumn = col.json(z.record(col.text(), col.text()));

interface FeeRow {
  event_pk: string | number;
  product_name: string;
  price_name: string;
  dimensions: Record<string, string> | string;
  quantity: string;
  unit_price: string | null;
  volume_rate: string | null;
  package_size: string | null;
  amount: string;
  asset_code: string;
  transfer_id: string | null;
  balance_after: string | null;
}

function conditions(scope: CustomerScope, f: UsageFilters, lane: LaneFilter | null, timeZone: string): SQL[] {
  const where: SQL[] = [
    sql`e.customer_id = ${scope.customerId}`,
    sql`e.platform_id = ${scope.platformId}`,
    sql`e.live_mode = ${scope.liveMode}`,
    sql`e.status = 'billed'`,
  ];
  if (f.from) where.push(sql`e.occurred_at >= (${f.from}::timestamp AT TIME ZONE ${timeZone})`);
  if (f.to) where.push(sql`e.occurred_at < ((${f.to}::timestamp + interval '1 day') AT TIME ZONE ${timeZone})`);
  if (f.product) where.push(sql`EXISTS (SELECT 1 FROM event_fees pf WHERE pf.event_pk = e.pk AND pf.product_id = ${f.product})`);
  if (lane) where.push(laneFilterSql(lane));
  const cursor = decodeCursor(f.cursor);
  if (cursor) where.push(sql`(e.occurred_at, e.pk) < (${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id}::bigint)`);
  return where;
}

function toFee(r: FeeRow): UsageFeeView {
  return {
    productName: r.product_name,
    priceName: r.price_name,
    dimensions: typeof r.dimensions === "string" ? (JSON.parse(r.dimensions) as Record<string, string>) : r.dimensions,
    quantity: dec(r.quantity).toString(),
    unitPrice: r.unit_price === null ? null : dec(r.unit_price).toString(),
    volumeRate: r.volume_rate === null ? null : dec(r.volume_rate).toString(),
    packageSize: r.package_size === null ? null : dec(r.package_size).toString(),
    amount: dec(r.amount).toString(),
    asset: r.asset_code,
  };
}

function charges(fees: FeeRow[]): UsageView["charges"] {
  const byAsset = new Map<string, { amount: ReturnType<typeof dec>; balanceAfter: string | null }>();
  for (const f of fees) {
    const c = byAsset.get(f.asset_code) ?? { amount: dec("0"), balanceAfter: null };
    byAsset.set(f.asset_code, { amount: c.amount.plus(dec(f.amount)), balanceAfter: f.balance_after === null ? c.balanceAfter : dec(f.balance_after).toString() });
  }
  return [...byAsset.entries()].map(([asset, c]) => ({ asset, amount: c.amount.toString(), balanceAfter: c.balanceAfter }));
}

/**
 * The customer's billed usage, newest first (keyset on occurred_at, pk), each record with its fees,
 * how each was computed, the balance right after it was debited, and its values for the lanes the
 * platform marked visible (no other dimension leaves the database).
 * @throws NotFoundError when filtering by a lane the platform did not mark visible
 */
export async function listUsage(db: DbOrTx, scope: CustomerScope, filters: UsageFilters, timeZone: string): Promise<UsagePage> {
  const lanes = await visibleLanes(db, scope);
  const lane = filters.lane !== undefined && filters.lane_value !== undefined ? { dimension: laneOrThrow(lanes, filters.lane).dimension, value: filters.lane_value } : null;
  const events = rowsOf<EventRow>(
    await db.execute(sql`
      SELECT e.pk, e.id, e.occurred_at, e.subject, e.description, e.status, ${laneValuesSql(lanes.map((l) => l.dimension))} AS lanes FROM events e
      WHERE ${sql.join(conditions(scope, filters, lane, timeZone), sql` AND `)}
      ORDER BY e.occurred_at DESC, e.pk DESC LIMIT ${filters.limit + 1}`),
  );
  const page = events.slice(0, filters.limit);
  const fees = page.length === 0 ? [] : rowsOf<FeeRow>(
    await db.execute(sql`
      SELECT f.event_pk, f.product_name, f.price_name, f.dimensions, f.quantity, f.unit_price, f.volume_rate, f.package_size,
        f.amount, f.asset_code, f.transfer_id, le.balance_after
      FROM event_fees f
      LEFT JOIN ledger_entries le ON le.transfer_id = f.transfer_id AND le.customer_id = ${scope.customerId}
      WHERE f.event_pk IN (${sql.join(page.map((e) => sql`${Number(e.pk)}::bigint`), sql`, `)})
      ORDER BY f.id`),
  );
  const items = page.map((e): UsageView => {
    const own = fees.filter((f) => Number(f.event_pk) === Number(e.pk));
    return {
      id: String(e.pk),
      eventId: e.id,
      occurredAt: new Date(e.occurred_at).toISOString(),
      productName: [...new Set(own.map((f) => f.product_name))].join(", ") || "—",
      subject: e.subject,
      description: e.description,
      status: e.status,
      charges: charges(own),
      fees: own.map(toFee),
      lanes: lanesColumn.parse(e.lanes),
    };
  });
  const last = events.length > filters.limit ? page[page.length - 1] : undefined;
  return { items, nextCursor: last ? encodeCursor({ createdAt: new Date(last.occurred_at), id: Number(last.pk) }) : null };
}
