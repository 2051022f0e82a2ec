import { and, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { DbOrTx } from "@/lib/kernel/db";
import { platforms, webhookDeliveries, webhookDestinations, webhookEvents } from "@/lib/kernel/db/schema";
import { newId } from "@/lib/kernel/ids";
import { enqueueJob } from "@/lib/kernel/jobs/enqueue";
import { inScope, type PlatformScope } from "@/lib/kernel/scope";
import { queueEmailForEvent } from "@/lib/domain/notifications/from-events";
import { DELIVER_JOB, DELIVERY_ATTEMPTS } from "./deliver";
import { topicMatches, type WebhookTopic } from "./topics";

/**
 * The destinations an event in `scope` goes to: the scope's own (not connect), and when the scope is a
 * connected account, its parent's connect destinations in the same mode.
 */
function receivers(scope: PlatformScope): SQL {
  const parent = sql`(SELECT ${platforms.parentPlatformId} FROM ${platforms} WHERE ${platforms.id} = ${scope.platformId})`;
  return or(
    and(inScope(webhookDestinations, scope), eq(webhookDestinations.connect, false)),
    and(eq(webhookDestinations.platformId, parent), eq(webhookDestinations.liveMode, scope.liveMode), eq(webhookDestinations.connect, true)),
  )!;
}

/**
 * Records an event for the platform's webhooks and schedules one delivery per subscribed
 * destination. Call it inside the transaction that made the change, so the event exists if and
 * only if the change committed; the customer's email for it, if any, is queued alongside. Returns the event id.
 */
export async function emitWebhookEvent(tx: DbOrTx, scope: PlatformScope, type: WebhookTopic, data: Record<string, unknown>): Promise<string> {
  const id = newId("webhookEvent");
  await tx.insert(webhookEvents).values({ id, ...scope, type, data, createdAt: now() });
  await queueEmailForEvent(tx, scope, type, data, id);
  const destinations = await tx
    .select({ id: webhookDestinations.id, topics: webhookDestinations.topics })
    .from(webhookDestinations)
    .where(and(receivers(scope), isNull(webhookDestinations.disabledAt)));
  const targets = destinations.filter((d) => topicMatches(d.topics, type));
  if (targets.length === 0) return id;
  const rows = await tx
    .insert(webhookDeliveries)
    .values(targets.map((d) => ({ eventId: id, destinationId: d.id })))
    .returning({ id: webhookDeliveries.id });
  for (const row of rows) {
    await enqueueJob(tx, {
      kind: DELIVER_JOB,
      payload: { deliveryId: row.id },
      uniqueKey: `webhook-delivery:${row.id}`,
      maxAttempts: DELIVERY_ATTEMPTS,
      fairGroup: scope.platformId,
    });
  }
  return id;
}
