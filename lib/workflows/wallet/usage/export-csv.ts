import type { DbOrTx } from "@/lib/kernel/db";
import type { CustomerScope } from "@/lib/kernel/scope";
import type { SpendLane } from "@/lib/domain/platforms/spend-lanes";
import { laneOrThrow, visibleLanes } from "@/lib/workflows/wallet/spend/lanes/visible-lanes";
import { csvCell as cell, csvStream } from "@/lib/workflows/wallet/csv";
import type { UsageFilters } from "./filters";
import { listUsage } from "./list-usage";
import type { UsageView } from "./view";

/** The export's own column names and file name, in the reader's language; lane columns keep their dimension. */
export interface UsageCsvLabels {
  header: string[];
  fileName: string;
}

/** One line per asset an event was charged in, then one column per visible lane. */
function csvLines(u: UsageView, lanes: readonly SpendLane[]): string[] {
  const laneCells = lanes.map((l) => cell(u.lanes[l.dimension] ?? "", true));
  return u.charges.map((c) =>
    [
      cell(u.occurredAt, false),
      cell(u.eventId, true),
      cell(u.productName, true),
      cell(u.subject ?? "", true),
      cell(u.description ?? "", true),
      cell(c.asset, true),
      cell(c.amount, false),
      ...laneCells,
    ].join(","),
  );
}

/**
 * Exactly the filtered usage as CSV, streamed: the columns of the usage list plus one per lane the
 * platform marked visible (named by its dimension, as in the events), and no other dimension.
 */
function usageCsv(db: DbOrTx, scope: CustomerScope, lanes: readonly SpendLane[], filters: UsageFilters, timeZone: string, header: string[]): ReadableStream<Uint8Array> {
  return csvStream([...header, ...lanes.map((l) => l.dimension)], async (cursor) => {
    const page = await listUsage(db, scope, { ...filters, cursor, limit: 100 }, timeZone);
    return { lines: page.items.flatMap((u) => csvLines(u, lanes)), nextCursor: page.nextCursor };
  });
}

/**
 * The export as a download. Lanes are checked before the first byte, so a filter on a lane the
 * platform did not mark visible is a 404 rather than a broken download.
 * @throws NotFoundError
 */
export async function usageCsvResponse(db: DbOrTx, scope: CustomerScope, filters: UsageFilters, timeZone: string, labels: UsageCsvLabels): Promise<Response> {
  const lanes = await visibleLanes(db, scope);
  if (filters.lane !== undefined && filters.lane_value !== undefined) laneOrThrow(lanes, filters.lane);
  const name = encodeURIComponent([labels.fileName, filters.from, filters.to].filter(Boolean).join("-"));
  return new Response(usageCsv(db, scope, lanes, { ...filters, cursor: undefined }, timeZone, labels.header), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename*=UTF-8''${name}.csv`, "cache-control": "no-store" },
  });
}
