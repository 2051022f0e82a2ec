import { and, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db";
import { taskCounts, taskRollups } from "@/lib/db/schema";
import { getCustomerOrThrow } from "@/lib/customers/customer-store";
import { inScope, type PlatformScope } from "@/lib/scope";
import type { ListTasksQuery } from "./schemas";
import { taskFigures } from "./task-figures";
import { serializeTaskSummary } from "./task-rows";

/**
 * A customer's tasks, newest (by first event) first, optionally those started in [from, to), each with
 * its figures. Reads the task rollups, so a page costs the same at a million events as at ten.
 * @throws NotFoundError for an unknown or foreign customer
 */
export async function listTasks(db: DbOrTx, scope: PlatformScope, query: ListTasksQuery) {
  const where = and(
    inScope(taskRollups, scope),
    eq(taskRollups.customerId, query.customer_id),
    query.from ? gte(taskRollups.firstOccurredAt, query.from) : undefined,
    query.to ? lt(taskRollups.firstOccurredAt, query.to) : undefined,
  );
  // The rollups are scoped, so they can be read beside the customer check: a foreign customer's are never there.
  const [customer, rows, total] = await Promise.all([
    getCustomerOrThrow(db, scope, query.customer_id),
    db.select().from(taskRollups).where(where).orderBy(desc(taskRollups.firstOccurredAt), desc(taskRollups.subject)).limit(query.limit).offset(query.offset),
    query.from || query.to ? countInPeriod(db, where) : countAll(db, scope, query.customer_id),
  ]);
  const figures = await taskFigures(db, scope, customer.id, rows.map((r) => r.subject));
  return { items: rows.map((r) => serializeTaskSummary(r, figures.get(r.subject)!)), total };
}

async function countInPeriod(db: DbOrTx, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: count() }).from(taskRollups).where(where);
  return row?.n ?? 0;
}

/** The customer's kept task count: one row, however many tasks. */
async function countAll(db: DbOrTx, scope: PlatformScope, customerId: string): Promise<number> {
  const [row] = await db.select({ n: taskCounts.tasks }).from(taskCounts).where(and(inScope(taskCounts, scope), eq(taskCounts.customerId, customerId)));
  return row?.n ?? 0;
}
