import { eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/lib/kernel/db";
import { subscriptions } from "@/lib/kernel/db/schema";
import { enqueueJob } from "@/lib/kernel/jobs/enqueue";
import type { PlatformScope } from "@/lib/kernel/scope";
import { emitWebhookEvent } from "@/lib/domain/outbound-webhooks/emit";

export type SubscriptionRow = typeof subscriptions.$inferSelect;

export const RENEW_JOB = "subscription.renew";

/** Every change of a subscription's status or period happens under this lock. */
export async function lockSubscription(tx: Tx, id: string): Promise<SubscriptionRow | null> {
  const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.id, id)).limit(1).for("update");
  return row ?? null;
}

export async function updateSubscription(db: DbOrTx, id: string, values: Partial<SubscriptionRow>): Promise<void> {
  await db.update(subscriptions).set(values).where(eq(subscriptions.id, id));
}

function scopeOf(row: { platformId: string; liveMode: boolean }): PlatformScope {
  return { platformId: row.platformId, liveMode: row.liveMode };
}

/**
 * The renewal job for a period end (try 0) or for a retry after a declined renewal (try n). The key
 * names the customer, the subscription, the period and the try, so each runs once however often it
 * is scheduled; `dueAt` keeps when it was meant to run.
 */
export function scheduleRenewal(tx: DbOrTx, sub: Pick<SubscriptionRow, "id" | "customerId">, periodEnd: Date, runAt: Date, attempt: number) {
  return enqueueJob(tx, {
    kind: RENEW_JOB,
    payload: { subscriptionId: sub.id, periodEnd: periodEnd.toISOString(), try: attempt, dueAt: runAt.toISOString() },
    runAt,
    uniqueKey: `${RENEW_JOB}:${sub.customerId}:${sub.id}:${periodEnd.toISOString()}:${attempt}`,
  });
}

type LifecycleEvent = "subscription.activated" | "subscription.past_due" | "subscription.canceled" | "subscription.cancel_scheduled";

/** Tells the platform, in the caller's transaction, about a subscription as it now stands. */
export async function notifySubscription(tx: Tx, id: string, type: LifecycleEvent, extra: Record<string, unknown> = {}): Promise<void> {
  const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.id, id)).limit(1);
  if (!row) return;
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  await emitWebhookEvent(tx, scopeOf(row), type, {
    customer_id: row.customerId,
    subscription_id: row.id,
    status: row.status,
    current_period_start: iso(row.currentPeriodStart),
    current_period_end: iso(row.currentPeriodEnd),
    canceled_at: iso(row.canceledAt),
    ...extra,
  });
}
