import { sql, type SQL } from "drizzle-orm";
import type { PlatformScope } from "@/lib/scope";

/**
 * Adds the events just inserted (the CTE `ev`, returning customer_id, subject and occurred_at) to their
 * tasks' rollups, one row per task in key order, so concurrent batches lock shared tasks in one order.
 */
export function taskRollupSql(scope: PlatformScope): SQL {
  return sql`INSERT INTO task_rollups (platform_id, live_mode, customer_id, subject, event_count, first_occurred_at, last_occurred_at)
    SELECT ${scope.platformId}, ${scope.liveMode}, customer_id, subject, count(*), min(occurred_at), max(occurred_at)
    FROM ev WHERE subject IS NOT NULL GROUP BY customer_id, subject ORDER BY customer_id, subject
    ON CONFLICT (customer_id, subject) DO UPDATE SET event_count = task_rollups.event_count + EXCLUDED.event_count,
      first_occurred_at = least(task_rollups.first_occurred_at, EXCLUDED.first_occurred_at),
      last_occurred_at = greatest(task_rollups.last_occurred_at, EXCLUDED.last_occurred_at)
    RETURNING customer_id, xmax = 0 AS inserted`;
}

/** Counts the tasks the rollup statement (the CTE `tasks`) created, per customer; xmax = 0 marks an inserted row. */
export function taskCountSql(scope: PlatformScope): SQL {
  return sql`INSERT INTO task_counts (platform_id, live_mode, customer_id, tasks)
    SELECT ${scope.platformId}, ${scope.liveMode}, customer_id, count(*) FROM tasks WHERE inserted GROUP BY customer_id ORDER BY customer_id
    ON CONFLICT (customer_id) DO UPDATE SET tasks = task_counts.tasks + EXCLUDED.tasks`;
}
