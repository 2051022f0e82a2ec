import { z } from "zod";
import { payloadScope, payloadText } from "@/lib/kernel/jobs/payload";
import { defineJob } from "@/lib/kernel/jobs/registry";
import { reconcileAttempt, resumeAttempt } from "@/lib/domain/payments/auto-top-up/recovery";
import { triggerAutoTopUp } from "@/lib/domain/payments/auto-top-up/trigger";
import { RECONCILE_ATTEMPT_JOB, RESUME_ATTEMPT_JOB, RETRY_AUTO_TOP_UP_JOB } from "./job-kinds";

const attemptPayload = z.object({ attemptId: payloadText() });
const retryPayload = z.object({ ...payloadScope, customerId: payloadText(), name: payloadText(), asset: payloadText() });

/** The auto top-up attempt jobs: resume a crashed attempt, reconcile an unknown outcome, retry after a decline. */
export const paymentJobs = [
  defineJob(RESUME_ATTEMPT_JOB, attemptPayload, (db, p) => resumeAttempt(db, p.attemptId)),
  defineJob(RECONCILE_ATTEMPT_JOB, attemptPayload, (db, p) => reconcileAttempt(db, p.attemptId)),
  defineJob(RETRY_AUTO_TOP_UP_JOB, retryPayload, (db, p) =>
    triggerAutoTopUp(db, { platformId: p.platformId, liveMode: p.liveMode, customerId: p.customerId }, { name: p.name, asset: p.asset }, { wait: true }),
  ),
];
