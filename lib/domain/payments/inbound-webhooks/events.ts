import { and, eq, isNull } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { DbOrTx } from "@/lib/kernel/db";
import { paymentEvents } from "@/lib/kernel/db/schema";

export interface EventHeader {
  id: string;
  type: string;
  livemode: boolean;
}

/**
 * Stores a verified event (once, whatever the duplicates) and says whether its effects already
 * committed. A crash before the effects commit means no 2xx was sent, so Stripe
 * delivers again (for up to three days) and the stored, unprocessed event is applied then.
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
