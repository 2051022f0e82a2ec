import { and, eq, isNull } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { paymentEvents } from "@/lib/db/schema";
import { withTransaction } from "@/lib/db/transaction";
import { scheduleEventReplay } from "../job-kinds";

export interface EventHeader {
  id: string;
  type: string;
  livemode: boolean;
}

/**
 * Stores a verified event (once, whatever the duplicates) and says whether its effects already
 * committed. Storing first (with a job that replays it a minute later unless it was applied) means a crash before
 * processing leaves a record that a redelivery or the job applies.
 */
export async function recordEvent(db: DbOrTx, event: EventHeader, payload: string): Promise<{ processed: boolean }> {
  await withTransaction(db, async (tx) => {
    const inserted = await tx
      .insert(paymentEvents)
      .values({ id: event.id, provider: "stripe", type: event.type, livemode: event.livemode, payload, receivedAt: now() })
      .onConflictDoNothing()
      .returning({ id: paymentEvents.id });
    if (inserted.length > 0) await scheduleEventReplay(tx, event.id);
  });
  const [row] = await db.select({ processedAt: paymentEvents.processedAt }).from(paymentEvents).where(eq(paymentEvents.id, event.id));
  return { processed: row?.processedAt != null };
}

export async function markEventProcessed(db: DbOrTx, id: string, outcome: string): Promise<void> {
  await db.update(paymentEvents).set({ processedAt: now(), outcome }).where(and(eq(paymentEvents.id, id), isNull(paymentEvents.processedAt)));
}
