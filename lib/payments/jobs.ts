import { and, eq, isNull, lt, lte, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { autoTopUpAttempts, autoTopUps, ledgerAccounts, topUps } from "@/lib/db/schema";
import { withTransaction } from "@/lib/db/transaction";
import { log } from "@/lib/log";
import { driveAttempt } from "./auto-top-up/drive";
import { STALE_PENDING_MS } from "./auto-top-up/plan";
import { customerScopeOf, updateAttempt } from "./auto-top-up/store";
import { triggerAutoTopUp } from "./auto-top-up/trigger";
import { applyPaymentState } from "./fulfilment/apply-payment-state";
import { providerOf } from "./provider/select";
import type { ProviderKind } from "./provider/types";
import { eventSchema } from "./stripe/event-schemas";
import { processStripeEvent } from "./stripe/dispatch";
import { markEventProcessed, unprocessedEvents } from "./webhooks/events";
import { updateTopUp } from "./top-ups/store";

const BATCH = 50;
// Stripe keeps idempotency keys for at least 24 hours; past that a re-run could charge anew.
const IDEMPOTENCY_WINDOW_MS = 23 * 60 * 60 * 1000;
const WEBHOOK_GRACE_MS = 10 * 60 * 1000;

/** Attempts written but never answered (a crash between the row and the provider's reply) are driven again with the same key. */
export async function resumeInterruptedAttempts(db: Db): Promise<number> {
  const cutoff = new Date(now().getTime() - STALE_PENDING_MS);
  const rows = await db.select().from(autoTopUpAttempts).where(and(eq(autoTopUpAttempts.status, "pending"), lt(autoTopUpAttempts.updatedAt, cutoff))).limit(BATCH);
  for (const a of rows) {
    if (now().getTime() - a.createdAt.getTime() > IDEMPOTENCY_WINDOW_MS) {
      // Too old to re-send safely. If the charge did happen, its webhook still credits it and marks the attempt succeeded.
      await withTransaction(db, async (tx) => {
        await updateAttempt(tx, a.id, { status: "failed", reason: "Interrupted before the card could be charged." });
        if (a.topUpId) await updateTopUp(tx, a.topUpId, { status: "failed", failureMessage: "Interrupted before the card could be charged." });
      });
    } else {
      await driveAttempt(db, a.id);
    }
  }
  return rows.length;
}

/** Attempts the provider accepted long ago whose webhook never came: ask the provider (a server-side retrieve). */
export async function reconcileAcceptedAttempts(db: Db): Promise<number> {
  const cutoff = new Date(now().getTime() - WEBHOOK_GRACE_MS);
  const rows = await db
    .select({ attempt: autoTopUpAttempts, provider: topUps.provider })
    .from(autoTopUpAttempts)
    .innerJoin(topUps, eq(topUps.id, autoTopUpAttempts.topUpId))
    .where(and(eq(autoTopUpAttempts.status, "processing"), lt(autoTopUpAttempts.updatedAt, cutoff)))
    .limit(BATCH);
  for (const { attempt, provider } of rows) {
    if (!attempt.paymentIntentId) continue;
    const scope = customerScopeOf(attempt);
    const state = await providerOf(db, provider as ProviderKind, scope).retrievePayment(scope, attempt.paymentIntentId);
    if (state) await applyPaymentState(db, state);
  }
  return rows.length;
}

/** Accounts whose back-off has passed and whose balance is still below the threshold get their next try. */
export async function retryDueAutoTopUps(db: Db): Promise<number> {
  const rows = await db
    .select({ c: autoTopUps })
    .from(autoTopUps)
    .innerJoin(
      ledgerAccounts,
      and(
        eq(ledgerAccounts.platformId, autoTopUps.platformId), eq(ledgerAccounts.liveMode, autoTopUps.liveMode),
        eq(ledgerAccounts.owner, autoTopUps.customerId), eq(ledgerAccounts.name, autoTopUps.accountName),
        eq(ledgerAccounts.assetCode, autoTopUps.assetCode), eq(ledgerAccounts.shard, 0),
      ),
    )
    .where(and(eq(autoTopUps.enabled, true), isNull(autoTopUps.actionRequiredAttemptId), lte(autoTopUps.retryAfter, now()), sql`${ledgerAccounts.balance} < ${autoTopUps.threshold}`))
    .limit(BATCH);
  for (const { c } of rows) {
    await triggerAutoTopUp(db, customerScopeOf(c), { name: c.accountName, asset: c.assetCode }, { wait: true });
  }
  return rows.length;
}

/** Webhooks stored but not applied (an error or a crash after storing) are applied from the stored copy. */
export async function reprocessStoredEvents(db: Db): Promise<number> {
  const rows = await unprocessedEvents(db, new Date(now().getTime() - 60_000), BATCH);
  for (const row of rows) {
    const parsed = eventSchema.safeParse(JSON.parse(row.payload));
    const outcome = parsed.success ? await processStripeEvent(db, parsed.data) : "malformed";
    await markEventProcessed(db, row.id, outcome);
  }
  return rows.length;
}

/** One pass of every payments job; each job's failure is logged and does not stop the others. */
export async function runPaymentJobs(db: Db): Promise<void> {
  for (const job of [resumeInterruptedAttempts, reconcileAcceptedAttempts, retryDueAutoTopUps, reprocessStoredEvents]) {
    try {
      await job(db);
    } catch (error) {
      log.error("payments job failed", { job: job.name, error });
    }
  }
}
