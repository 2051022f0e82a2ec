import { sql } from "drizzle-orm";
import { z } from "zod";
import { now } from "@/lib/kernel/clock";
import type { DbOrTx } from "@/lib/kernel/db";
import { col, parseRows } from "@/lib/kernel/db/rows";
import type { CustomerScope } from "@/lib/kernel/scope";
import type { SpendLane } from "@/lib/domain/platforms/spend-lanes";
import { SPEND_RANGES, type SpendBucket, type SpendRange } from "../ranges";
import { cachedSpend } from "../spend-cache";
import type { LaneFilter } from "./lane-sql";
import { laneBreakdown, type LaneBreakdown } from "./lane-series";
import { laneOrThrow, visibleLanes } from "./visible-lanes";

/** Local days [from, until) and the bucket a breakdown is drawn in. */
export interface LaneWindow {
  from: string;
  until: string;
  bucket: SpendBucket;
}

export interface LaneSpendRequest extends LaneWindow {
  /** The lane to break down by. */
  by: string;
  asset: string;
  timeZone: string;
  /** Only events with this value for this lane (any visible lane, not only `by`). */
  lane?: string;
  laneValue?: string;
  product?: string;
}

export interface LaneSpend extends LaneBreakdown {
  lane: SpendLane;
  filter: (LaneFilter & { label: string }) | null;
}

/**
 * The customer's spend in one asset split by a lane the platform marked visible, optionally only
 * where another visible lane has a given value. Computed once per change of the customer's ledger.
 * @throws NotFoundError when `by` or `lane` is not a lane the platform marked visible
 */
export async function spendByLane(db: DbOrTx, scope: CustomerScope, req: LaneSpendRequest): Promise<LaneSpend> {
  const lanes = await visibleLanes(db, scope);
  const lane = laneOrThrow(lanes, req.by);
  const filterLane = req.lane !== undefined && req.laneValue !== undefined ? laneOrThrow(lanes, req.lane) : null;
  const filter = filterLane ? { dimension: filterLane.dimension, value: req.laneValue!, label: filterLane.label } : null;
  const input = { dimension: lane.dimension, asset: req.asset, from: req.from, until: req.until, bucket: req.bucket, timeZone: req.timeZone, filter, product: req.product };
  const breakdown = await cachedSpend(db, scope, `lanes:${JSON.stringify(input)}`, () => laneBreakdown(db, scope, input));
  return { ...breakdown, lane, filter };
}

/** The days a spend range covers, whole buckets, ending with today's in the customer's timezone. */
export async function rangeWindow(db: DbOrTx, range: SpendRange, bucket: SpendBucket, timeZone: string): Promise<LaneWindow> {
  const step = bucket === "week" ? "7 days" : `1 ${bucket}`;
  const local = sql`(${now().toISOString()}::timestamptz AT TIME ZONE ${timeZone})`;
  const [row] = parseRows(
    z.object({ from: col.text(), until: col.text() }),
    await db.execute(sql`
      SELECT to_char(date_trunc(${bucket}, ${local} - ${`${SPEND_RANGES[range].days - 1} days`}::interval), 'YYYY-MM-DD') AS "from",
        to_char(date_trunc(${bucket}, ${local}) + ${step}::interval, 'YYYY-MM-DD') AS until`),
  );
  return { ...row!, bucket };
}

const DAY_MS = 86_400_000;
/** The longest window a breakdown covers: a chart of at most ~120 monthly bars. */
const MAX_DAYS = 3_660;

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Today as YYYY-MM-DD in the customer's timezone. */
export function localToday(timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now());
}

/**
 * The window of a usage date filter (inclusive local days; the last 30 days when open-ended), in
 * buckets that keep the chart readable: days up to two months, weeks up to a year, months beyond.
 */
export function datesWindow(today: string, from: string | undefined, to: string | undefined): LaneWindow {
  const until = shiftDay(to ?? today, 1);
  const earliest = shiftDay(until, -MAX_DAYS);
  const start = from ?? shiftDay(until, -30);
  const clamped = start < earliest ? earliest : start < until ? start : shiftDay(until, -1);
  const days = (Date.parse(until) - Date.parse(clamped)) / DAY_MS;
  return { from: clamped, until, bucket: days <= 62 ? "day" : days <= 366 ? "week" : "month" };
}
