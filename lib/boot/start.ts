import { getDatabase } from "@/lib/kernel/db";
import { ensureDemo } from "@/lib/workflows/demo/ensure-demo";
import { env } from "@/lib/kernel/env";
import { registerHooks } from "./hooks";
import { registerAllJobs } from "./jobs";
import { startJobRunner } from "@/lib/kernel/jobs/runner";
import { log } from "@/lib/kernel/log";
import { registerAutoTopUp } from "@/lib/domain/payments/auto-top-up/listener";
import { scheduleStripeReconciliation } from "@/lib/domain/payments/reconcile/job";
import { scheduleRateLimitCleanup } from "@/lib/kernel/rate-limit";

/**
 * Runs once when the server starts: register job handlers and the hooks of the layers above, open and
 * migrate the database, seed the demo when asked, start the job runner.
 */
export async function boot(): Promise<void> {
  registerAllJobs();
  registerHooks();
  const database = await getDatabase();
  log.info("database ready", { kind: database.kind });
  if (env().BILLFOLD_SEED_DEMO === "1") await ensureDemo(database.db);
  registerAutoTopUp();
  if (env().BILLFOLD_JOBS === "on") {
    await scheduleRateLimitCleanup(database.db);
    if (env().STRIPE_SECRET_KEY) await scheduleStripeReconciliation(database.db);
    startJobRunner(database.db);
  }
}
