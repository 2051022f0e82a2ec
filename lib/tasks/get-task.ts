import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db";
import { events, taskRollups } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { eventColumns, withFeesAndCosts } from "@/lib/events/event-store";
import { serializeEvent } from "@/lib/events/serialize-event";
import { page } from "@/lib/api/pagination";
import { inScope, type PlatformScope } from "@/lib/scope";
import { parseTaskId } from "./task-id";
import { taskFigures, taskVendors } from "./task-figures";
import { serializeTaskSummary } from "./task-rows";

/**
 * One task: its figures, the cost of each vendor, and a page of its events (oldest first) with their
 * fees and costs.
 * @throws NotFoundError for a malformed id, or a task of an unknown or foreign customer
 */
export async function getTaskOrThrow(db: DbOrTx, scope: PlatformScope, taskId: string, paging: { limit: number; offset: number }) {
  const key = parseTaskId(taskId);
  const [row] = key
    ? await db
        .select()
        .from(taskRollups)
        .where(and(inScope(taskRollups, scope), eq(taskRollups.customerId, key.customerId), eq(taskRollups.subject, key.subject)))
        .limit(1)
    : [];
  if (!row) throw new NotFoundError("Task");
  const ofTask = and(inScope(events, scope), eq(events.customerId, row.customerId), eq(events.subject, row.subject));
  const [eventRows, figures, vendors] = await Promise.all([
    db.select(eventColumns).from(events).where(ofTask).orderBy(asc(events.occurredAt), asc(events.pk)).limit(paging.limit).offset(paging.offset),
    taskFigures(db, scope, row.customerId, [row.subject]),
    taskVendors(db, scope, row.customerId, row.subject),
  ]);
  const detailed = await withFeesAndCosts(db, eventRows);
  return {
    ...serializeTaskSummary(row, figures.get(row.subject)!),
    vendors,
    events: page(detailed.map(serializeEvent), row.eventCount, paging.limit, paging.offset),
  };
}
