import { taskRollups } from "@/lib/db/schema";
import type { figuresWith } from "@/lib/events/revenue-figures";
import { taskIdOf } from "./task-id";

export type TaskRollupRow = typeof taskRollups.$inferSelect;

/** A task as GET /tasks lists it: its events' span and count, and what they earned and cost. */
export function serializeTaskSummary(row: TaskRollupRow, figures: ReturnType<typeof figuresWith>) {
  return {
    id: taskIdOf(row.customerId, row.subject),
    customer_id: row.customerId,
    subject: row.subject,
    event_count: row.eventCount,
    started_at: row.firstOccurredAt.toISOString(),
    last_event_at: row.lastOccurredAt.toISOString(),
    gross_revenue: figures.revenue,
    total_costs: figures.costs,
    net_revenue: figures.margin.map((m) => ({ currency: m.currency, amount: m.net })),
    margin: figures.margin,
  };
}
