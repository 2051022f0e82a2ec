import { eq } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { Db } from "@/lib/kernel/db";
import { autoTopUpAttempts, topUps } from "@/lib/kernel/db/schema";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { applyPaymentState } from "@/lib/domain/payments/fulfilment/apply-payment-state";
import { providerOf } from "@/lib/domain/payments/select-provider";
import type { ProviderKind } from "@/lib/domain/payments/provider/types";
import { updateTopUp } from "@/lib/domain/payments/top-ups/store";
import { driveAttempt } from "./drive";
import { abandonAttempt } from "@/lib/domain/payments/attempts/outcome";
import { customerScopeOf } from "@/lib/domain/payments/attempts/store";

// Stripe keeps idempotency keys for at least 24 hours; past that a re-run could charge anew.
const IDEMPOTENCY_WINDOW_MS = 23 * 60 * 60 * 1000;

/**
 * An attempt still pending after its grace period was interrupted: send it again with its own key
 * (the provider answers with the original PaymentIntent if the first call got through).
 * @throws PaymentProviderUnavailableError, so the job retries later
 */
export async function resumeAttempt(db: Db, attemptId: string): Promise<void> {
  const [attempt] = await db.select().from(autoTopUpAttempts).where(eq(autoTopUpAttempts.id, attemptId)).limit(1);
  if (attempt?.status !== "pending") return;
  if (now().getTime() - attempt.createdAt.getTime() > IDEMPOTENCY_WINDOW_MS) {
    // Too old to re-send safely. If the charge did happen, its webhook still credits it and marks the attempt succeeded.
    const reason = "Interrupted before the card could be charged.";
    await withTransaction(db, async (tx) => {
      if (await abandonAttempt(tx, attemptId, reason)) await updateTopUp(tx, attempt.topUpId!, { status: "failed" });
    });
    return;
  }
  await driveAttempt(db, attemptId);
}

/**
 * An accepted payment whose webhook has not come: ask the provider (a server-side retrieve) and apply
 * what it says. Still processing: throw, so the job tries again later.
 */
export async function reconcileAttempt(db: Db, attemptId: string): Promise<void> {
  const [row] = await db
    .select({ attempt: autoTopUpAttempts, provider: topUps.provider })
    .from(autoTopUpAttempts)
    .innerJoin(topUps, eq(topUps.id, autoTopUpAttempts.topUpId))
    .where(eq(autoTopUpAttempts.id, attemptId))
    .limit(1);
  if (row?.attempt.status !== "processing" || !row.attempt.paymentIntentId) return;
  const scope = customerScopeOf(row.attempt);
  const state = await providerOf(db, row.provider as ProviderKind, scope).retrievePayment(scope, row.attempt.paymentIntentId);
  if (state) await applyPaymentState(db, state);
  if (state?.status === "processing") throw new Error(`payment ${state.paymentIntentId} is still processing`);
}
