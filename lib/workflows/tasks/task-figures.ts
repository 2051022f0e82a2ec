import { z } from "zod";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { col, parseRows } from "@/lib/kernel/db/rows";
import { findAssets } from "@/lib/domain/assets/find-asset";
import { figuresWith, keyedTotal } from "@/lib/workflows/events/revenue-figures";
import { dec } from "@/lib/kernel/money";
import type { PlatformScope } from "@/lib/kernel/scope";

type Figures = ReturnType<typeof figuresWith>;

/** One customer's events with any of the given subjects (served by events_customer_subject_idx). */
function eventsOf(scope: PlatformScope, customerId: string, subjects: string[]) {
  return sql`e.customer_id = ${customerId} AND e.subject = ANY(${sql.param(subjects)}::text[])
    AND e.platform_id = ${scope.platformId} AND e.live_mode = ${scope.liveMode}`;
}

/** Gross revenue, total costs, net revenue and margin of each task, for a page of tasks of one customer. */
export async function taskFigures(db: DbOrTx, scope: PlatformScope, customerId: string, subjects: string[]): Promise<Map<string, Figures>> {
  if (subjects.length === 0) return new Map();
  const where = eventsOf(scope, customerId, subjects);
  const [fees, costs] = await Promise.all([
    db.execute(sql`SELECT e.subject AS s, f.asset_code AS k, sum(f.amount)::text AS total
      FROM events e JOIN event_fees f ON f.event_pk = e.pk WHERE ${where} GROUP BY e.subject, f.asset_code ORDER BY 1, 2`),
    db.execute(sql`SELECT e.subject AS s, c.currency AS k, sum(c.amount)::text AS total
      FROM events e JOIN event_costs c ON c.event_pk = e.pk WHERE ${where} GROUP BY e.subject, c.currency ORDER BY 1, 2`),
  ]);
  const bySubject = keyedTotal.extend({ s: col.text() });
  const feeRows = parseRows(bySubject, fees);
  const costRows = parseRows(bySubject, costs);
  const assets = await findAssets(db, scope, [...new Set(feeRows.map((r) => r.k))]);
  return new Map(subjects.map((s) => [s, figuresWith(assets, feeRows.filter((r) => r.s === s), costRows.filter((r) => r.s === s))]));
}

/** What each vendor cost in one task, by currency, with the number of the task's events it cost on. */
export async function taskVendors(db: DbOrTx, scope: PlatformScope, customerId: string, subject: string) {
  const rows = parseRows(
    z.object({ vendor_id: col.text().nullable(), vendor_name: col.text().nullable(), currency: col.text(), amount: col.text(), n: col.count() }),
    await db.execute(sql`SELECT c.vendor_id, v.name AS vendor_name, c.currency, sum(c.amount)::text AS amount, count(DISTINCT c.event_pk) AS n
      FROM events e JOIN event_costs c ON c.event_pk = e.pk LEFT JOIN vendors v ON v.id = c.vendor_id
      WHERE ${eventsOf(scope, customerId, [subject])}
      GROUP BY c.vendor_id, v.name, c.currency ORDER BY v.name NULLS LAST, c.vendor_id, c.currency`),
  );
  return rows.map((r) => ({ vendor_id: r.vendor_id, vendor_name: r.vendor_name, currency: r.currency, amount: dec(r.amount), event_count: r.n }));
}
