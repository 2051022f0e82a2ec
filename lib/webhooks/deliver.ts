import { eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { webhookDeliveries, webhookDestinations, webhookEvents } from "@/lib/db/schema";
import { registerJob } from "@/lib/jobs/registry";
import { deliveryErrorText, postWebhook } from "./post-webhook";
import { signatureHeader } from "./signature";

export const DELIVER_JOB = "webhook.deliver";
export const DELIVERY_ATTEMPTS = 15;
/** A destination answers within this or the attempt fails; a hanging endpoint holds one delivery slot no longer. */
export const DELIVERY_TIMEOUT_MS = 5_000;

/**
 * The body a destination receives; the same for every attempt, so the event id is stable. A connect
 * destination receives its connected accounts' events, each marked with the account it happened in.
 */
export function envelope(event: typeof webhookEvents.$inferSelect, destinationPlatformId: string) {
  const account = event.platformId === destinationPlatformId ? {} : { account: event.platformId };
  return { id: event.id, type: event.type, created: event.createdAt.toISOString(), live_mode: event.liveMode, ...account, data: event.data };
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
  const body = JSON.stringify(envelope(row.event, row.destination.platformId));
  const at = now();
  let status: number | null = null;
  let error: string | null = null;
  try {
    const headers = { "content-type": "application/json", "user-agent": "Billfold-Webhooks/1", "credyt-signature": signatureHeader(row.destination.secret, body, Math.floor(at.getTime() / 1000)) };
    status = await postWebhook(row.destination.url, headers, body, AbortSignal.timeout(DELIVERY_TIMEOUT_MS));
    if (status < 200 || status >= 300) error = `HTTP ${status}`;
  } catch (e) {
    // The platform reads this in its delivery log: what failed, never which address or port answered.
    error = deliveryErrorText(e);
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

registerJob(DELIVER_JOB, (db, payload, job) => deliverWebhook(db, Number(payload.deliveryId), job.attempts >= DELIVERY_ATTEMPTS), { lane: "deliveries" });
