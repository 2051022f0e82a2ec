import type { Db } from "@/lib/db";
import { runPaymentJobs } from "./jobs";

const INTERVAL_MS = 30_000;
const holder = globalThis as typeof globalThis & { __billfoldPaymentJobs?: NodeJS.Timeout };

/**
 * Runs the payments jobs every 30 s in this process. Safe with several instances on one Postgres:
 * each job's writes are guarded by row locks, status transitions and idempotency keys.
 */
export function startPaymentJobs(db: Db): void {
  if (holder.__billfoldPaymentJobs) return;
  let running = false;
  holder.__billfoldPaymentJobs = setInterval(() => {
    if (running) return;
    running = true;
    void runPaymentJobs(db).finally(() => {
      running = false;
    });
  }, INTERVAL_MS);
  holder.__billfoldPaymentJobs.unref();
}
