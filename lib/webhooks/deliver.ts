import { eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { webhookDeliveries, webhookDestinations, webhookEvents } from "@/lib/db/schema";
import { registerJob } from "@/lib/jobs/registry";
import { signatureHeader } from "./signature";

export const DELIVER_JOB = "webhook.deliver";
export const DELIVERY_ATTEMPTS = 15;
const TIMEOUT_MS = 10_000;

/** The body a destination receives; the same for every attempt, so the event id is stable. */
export function envelope(event: typeof webhookEvents.$inferSelect) {
  return { id: event.id, type: event.type, created: event.createdAt.toISOString(), live_mode: event.liveMode, data: event.data };
}

async function record(db: Db, id: number, fields: Partial<typeof webhookDeliveries.$inferInsert>): Promise<void> {
  await db.update(webhookDeliveries).set(fields).where(eq(webhookDeliveries.id, id));
}

/**
 * Sends one delivery. A non-2xx answer or a network error throws, and the job system retries with
 * back-off (DELIVERY_ATTEMPTS attempts, about two days); every attempt is written to the delivery log.
 */
export async function deliverWebhook(db: Db, deliveryId: number, finalAttempt = false): Promise<void> {
  const [row] = await db
    .select({ delivery: webhookDeliveries, event: webhookEvents, destination: webhookDestinations })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .innerJoin(webhookDestinations, eq(webhookDestinations.id, webhookDeliveries.destinationId))
    .where(eq(webhookDeliveries.id, deliveryId))
    .limit(1);
  if (!row || row.delivery.status === "delivered") return;
  const attempts = row.delivery.attempts + 1;
  if (row.destination.disabledAt) {
    await record(db, deliveryId, { status: "failed", attempts, lastError: "destination disabled", lastAttemptAt: now() });
    return;
  }
  const body = JSON.stringify(envelope(row.event));
  const at = now();
  let status: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(row.destination.url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Billfold-Webhooks/1", "credyt-signature": signatureHeader(row.destination.secret, body, Math.floor(at.getTime() / 1000)) },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    status = res.status;
    await res.body?.cancel();
    if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  await record(db, deliveryId, {
    attempts,
    lastStatus: status,
    lastError: error,
    lastAttemptAt: at,
    ...(error ? (finalAttempt ? { status: "failed" as const } : {}) : { status: "delivered" as const, deliveredAt: at }),
  });
  if (error) throw new Error(`webhook delivery ${deliveryId} failed: ${error}`);
}

registerJob(DELIVER_JOB, (db, payload, job) => deliverWebhook(db, Number(payload.deliveryId), job.attempts >= DELIVERY_ATTEMPTS));
