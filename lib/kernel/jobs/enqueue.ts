import { sql } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { DbOrTx } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";

export interface EnqueueInput {
  kind: string;
  payload?: Record<string, unknown>;
  runAt?: Date;
  /** At most one pending or running job per key (e.g. `renewal:sub_…:2026-12`). */
  uniqueKey?: string;
  maxAttempts?: number;
  /** Jobs of one group (e.g. one platform's webhook deliveries) share a cap on how many run at once. */
  fairGroup?: string;
}

/**
 * Adds a job, normally inside the transaction that made it necessary (the outbox pattern): it
 * exists if and only if that change committed. Returns the job id, or null when a job with the
 * same unique key is already waiting.
 */
export async function enqueueJob(db: DbOrTx, input: EnqueueInput): Promise<number | null> {
  const rows = rowsOf<{ id: string | number }>(
    await db.execute(sql`
      INSERT INTO jobs (kind, payload, unique_key, run_at, max_attempts)
      VALUES (${input.kind}, ${JSON.stringify({ ...input.payload, ...(input.fairGroup ? { fairGroup: input.fairGroup } : {}) })}::jsonb, ${input.uniqueKey ?? null},
        ${(input.runAt ?? now()).toISOString()}::timestamptz, ${input.maxAttempts ?? 10})
      ON CONFLICT (unique_key) WHERE status IN ('pending', 'running') DO NOTHING
      RETURNING id`),
  );
  return rows[0] ? Number(rows[0].id) : null;
}
