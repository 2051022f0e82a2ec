import { getDatabase } from "@/lib/db";
import { ensureDemo } from "@/lib/demo/ensure-demo";
import { env } from "@/lib/env";
import "@/lib/jobs/handlers";
import { startJobRunner } from "@/lib/jobs/runner";
import { log } from "@/lib/log";
import { registerAutoTopUp } from "@/lib/payments/auto-top-up/listener";
import { scheduleStripeReconciliation } from "@/lib/payments/reconcile/job";
import { scheduleRateLimitCleanup } from "@/lib/rate-limit";

/** Runs once when the server starts: open and migrate the database, seed the demo when asked, start the job runner. */
export async function boot(): Promise<void> {
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
