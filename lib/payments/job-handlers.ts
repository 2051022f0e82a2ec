import { eq } from "drizzle-orm";
import { paymentEvents } from "@/lib/db/schema";
import { registerJob } from "@/lib/jobs/registry";
import { reconcileAttempt, resumeAttempt } from "./auto-top-up/recovery";
import { triggerAutoTopUp } from "./auto-top-up/trigger";
import { APPLY_STRIPE_EVENT_JOB, RECONCILE_ATTEMPT_JOB, RESUME_ATTEMPT_JOB, RETRY_AUTO_TOP_UP_JOB } from "./job-kinds";
import { processStripeEvent } from "./stripe/dispatch";
import { eventSchema } from "./stripe/event-schemas";
import { markEventProcessed } from "./webhooks/events";

registerJob(RESUME_ATTEMPT_JOB, (db, payload) => resumeAttempt(db, String(payload.attemptId)));

registerJob(RECONCILE_ATTEMPT_JOB, (db, payload) => reconcileAttempt(db, String(payload.attemptId)));

registerJob(RETRY_AUTO_TOP_UP_JOB, async (db, p) => {
  const scope = { platformId: String(p.platformId), liveMode: p.liveMode === true, customerId: String(p.customerId) };
  await triggerAutoTopUp(db, scope, { name: String(p.name), asset: String(p.asset) }, { wait: true });
});

registerJob(APPLY_STRIPE_EVENT_JOB, async (db, payload) => {
  const [row] = await db.select().from(paymentEvents).where(eq(paymentEvents.id, String(payload.eventId))).limit(1);
  if (!row || row.processedAt) return;
  const parsed = eventSchema.safeParse(JSON.parse(row.payload));
  await markEventProcessed(db, row.id, parsed.success ? await processStripeEvent(db, parsed.data) : "malformed");
});
