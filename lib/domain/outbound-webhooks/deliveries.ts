import { count, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { webhookDeliveries, webhookEvents } from "@/lib/kernel/db/schema";
import type { PlatformScope } from "@/lib/kernel/scope";
import { getDestinationOrThrow } from "./destinations";

/** A destination's delivery log, newest first. @throws NotFoundError */
export async function listDeliveries(db: DbOrTx, scope: PlatformScope, destinationId: string, paging: { limit: number; offset: number }) {
  const destination = await getDestinationOrThrow(db, scope, destinationId);
  const where = eq(webhookDeliveries.destinationId, destination.id);
  const [rows, [total]] = await Promise.all([
    db
      .select({ d: webhookDeliveries, type: webhookEvents.type })
      .from(webhookDeliveries)
      .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
      .where(where)
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(paging.limit)
      .offset(paging.offset),
    db.select({ n: count() }).from(webhookDeliveries).where(where),
  ]);
  const items = rows.map(({ d, type }) => ({
    event_id: d.eventId,
    type,
    status: d.status,
    attempts: d.attempts,
    last_status: d.lastStatus,
    last_error: d.lastError,
    last_attempt_at: d.lastAttemptAt?.toISOString() ?? null,
    delivered_at: d.deliveredAt?.toISOString() ?? null,
    created_at: d.createdAt.toISOString(),
  }));
  return { items, total: total?.n ?? 0 };
}
