import { deliverWebhookJob } from "@/lib/domain/outbound-webhooks/deliver";
import { refreshEntitlementJob } from "@/lib/domain/grants/entitlements";
import { expireHoldJob } from "@/lib/domain/guardrails/holds";
import { expireGrantJob } from "@/lib/domain/grants/expire-grant";
import { creditsExpiringJob } from "@/lib/domain/grants/expiring-notice";
import { paymentJobs } from "@/lib/domain/payments/job-handlers";
import { reconcileStripeJob } from "@/lib/domain/payments/reconcile/job";
import { registerJobs } from "@/lib/kernel/jobs/registry";
import { rateLimitCleanupJob } from "@/lib/kernel/rate-limit";
import { renewalJob } from "@/lib/workflows/subscriptions/renewal-job";
import { sendEmailJob } from "@/lib/workflows/email/send";

/** Every job kind this server runs; the runner claims only registered kinds. */
const ALL_JOBS = [
  deliverWebhookJob,
  rateLimitCleanupJob,
  ...paymentJobs,
  reconcileStripeJob,
  expireGrantJob,
  refreshEntitlementJob,
  creditsExpiringJob,
  renewalJob,
  sendEmailJob,
  expireHoldJob,
];

/** Registers every job handler; called once at start-up (and by the test setup). */
export function registerAllJobs(): void {
  registerJobs(ALL_JOBS);
}
