import { and, asc, eq, isNull, lt } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { paymentEvents } from "@/lib/db/schema";

export interface EventHeader {
  id: string;
  type: string;
  livemode: boolean;
}

/**
 * Stores a verified event (once, whatever the duplicates) and says whether its effects already
 * committed. Storing first means a crash before processing leaves a record a retry or the job picks up.
 */
export async function recordEvent(db: DbOrTx, event: EventHeader, payload: string): Promise<{ processed: boolean }> {
  await db
    .insert(paymentEvents)
    .values({ id: event.id, provider: "stripe", type: event.type, livemode: event.livemode, payload, receivedAt: now() })
    .onConflictDoNothing();
  const [row] = await db.select({ processedAt: paymentEvents.processedAt }).from(paymentEvents).where(eq(paymentEvents.id, event.id));
  return { processed: row?.processedAt != null };
}

export async function markEventProcessed(db: DbOrTx, id: string, outcome: string): Promise<void> {
  await db.update(paymentEvents).set({ processedAt: now(), outcome }).where(and(eq(paymentEvents.id, id), isNull(paymentEvents.processedAt)));
}

/** Events stored but not applied (a crash or an error in between), oldest first. */
export async function unprocessedEvents(db: DbOrTx, receivedBefore: Date, limit: number) {
  return db
    .select()
    .from(paymentEvents)
    .where(and(isNull(paymentEvents.processedAt), lt(paymentEvents.receivedAt, receivedBefore)))
    .orderBy(asc(paymentEvents.receivedAt))
    .limit(limit);
}
