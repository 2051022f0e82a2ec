import { registerJob } from "@/lib/kernel/jobs/registry";
import { reconcileAttempt, resumeAttempt } from "@/lib/domain/payments/auto-top-up/recovery";
import { triggerAutoTopUp } from "@/lib/domain/payments/auto-top-up/trigger";
import { RECONCILE_ATTEMPT_JOB, RESUME_ATTEMPT_JOB, RETRY_AUTO_TOP_UP_JOB } from "./job-kinds";

registerJob(RESUME_ATTEMPT_JOB, (db, payload) => resumeAttempt(db, String(payload.attemptId)));

registerJob(RECONCILE_ATTEMPT_JOB, (db, payload) => reconcileAttempt(db, String(payload.attemptId)));

registerJob(RETRY_AUTO_TOP_UP_JOB, async (db, p) => {
  const scope = { platformId: String(p.platformId), liveMode: p.liveMode === true, customerId: String(p.customerId) };
  await triggerAutoTopUp(db, scope, { name: String(p.name), asset: String(p.asset) }, { wait: true });
});
