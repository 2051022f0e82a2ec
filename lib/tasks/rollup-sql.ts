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
      last_occurred_at = greatest(task_rollups.last_occurred_at, EXCLUDED.last_occurred_at)`;
}
