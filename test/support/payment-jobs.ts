import { sql } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { Db } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { jobHandler } from "@/lib/kernel/jobs/registry";
import "@/lib/domain/payments/job-handlers";

/**
 * Runs, as the job runner would, the payment jobs of one customer that were due by our clock. Test
 * files share one Postgres and move their clocks independently, so draining the whole queue would run
 * other files' jobs (and their drains may pick up ours, without our handlers): this runs only the
 * test's own, by their dueAt, whatever another process did with them.
 * @returns how many jobs ran
 */
export async function runPaymentJobsFor(db: Db, customerId: string): Promise<number> {
  let total = 0;
  for (let round = 0; round < 20; round++) {
    const due = rowsOf<{ id: string | number; kind: string; payload: Record<string, unknown> | string }>(
      await db.execute(sql`SELECT id, kind, payload FROM jobs
        WHERE unique_key LIKE ${`%:${customerId}:%`} AND status <> 'done'
          AND (payload->>'dueAt')::timestamptz <= ${now().toISOString()}::timestamptz
        ORDER BY id`),
    );
    if (due.length === 0) return total;
    for (const job of due) {
      const payload = typeof job.payload === "string" ? (JSON.parse(job.payload) as Record<string, unknown>) : job.payload;
      await jobHandler(job.kind)!(db, payload, { id: Number(job.id), kind: job.kind, attempts: 1, runAt: now() });
      await db.execute(sql`UPDATE jobs SET status = 'done', finished_at = ${now().toISOString()}::timestamptz WHERE id = ${job.id}`);
      total++;
    }
  }
  return total;
}
