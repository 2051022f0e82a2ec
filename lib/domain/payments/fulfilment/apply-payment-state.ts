import { eq } from "drizzle-orm";
import type { Db } from "@/lib/kernel/db";
import { topUps } from "@/lib/kernel/db/schema";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { log } from "@/lib/kernel/log";
import { declineMessage } from "@/lib/domain/payments/declines";
import { outcomeOf, settleAttempt } from "@/lib/domain/payments/attempts/outcome";
import { notifyTopUp } from "@/lib/domain/payments/notify";
import type { PaymentState } from "@/lib/domain/payments/provider/types";
import { findTopUpByPaymentIntent, lockTopUp, updateTopUp, type TopUpRow } from "@/lib/domain/payments/top-ups/store";
import { creditTopUp } from "./credit-top-up";

async function topUpFor(db: Db, state: PaymentState): Promise<TopUpRow | null> {
  if (state.topUpId) {
    const [row] = await db.select().from(topUps).where(eq(topUps.id, state.topUpId)).limit(1);
    if (row) return row;
  }
  return findTopUpByPaymentIntent(db, state.paymentIntentId);
}

async function markProcessing(db: Db, topUpId: string, state: PaymentState): Promise<string> {
  return withTransaction(db, async (tx) => {
    const t = await lockTopUp(tx, topUpId);
    if (!t) return "unknown_top_up";
    if (t.attemptId) return (await settleAttempt(tx, t.attemptId, { kind: "accepted", state })) ? "processing" : "no_change";
    if (t.status !== "initiated") return "no_change";
    await updateTopUp(tx, t.id, { status: "processing", paymentIntentId: state.paymentIntentId });
    return "processing";
  });
}

/**
 * A payment that did not succeed. For an automatic attempt this settles the attempt; in Checkout the
 * customer may still try another card, so the top-up only fails once the session itself is over.
 */
async function recordFailure(db: Db, topUpId: string, state: PaymentState, sessionOver: boolean): Promise<string> {
  return withTransaction(db, async (tx) => {
    const t = await lockTopUp(tx, topUpId);
    if (!t) return "unknown_top_up";
    if (t.attemptId) return (await settleAttempt(tx, t.attemptId, outcomeOf({ state, error: null }))) ? "attempt_failed" : "no_change";
    // Authenticating inside Checkout is part of paying, not a failure.
    if (t.status === "completed" || t.status === "failed" || state.status === "requires_action") return "no_change";
    const failure = state.error ? { failureCode: state.error.declineCode ?? state.error.code, failureMessage: declineMessage(state.error) } : {};
    const terminal = sessionOver || state.status === "canceled" || t.status === "processing";
    await updateTopUp(tx, t.id, { ...failure, ...(terminal ? { status: "failed", paymentIntentId: state.paymentIntentId } : {}) });
    if (terminal) await notifyTopUp(tx, t.id, "top_up.failed");
    return terminal ? "failed" : "declined_in_checkout";
  });
}

/**
 * The fulfilment entry point for every payment outcome, from Stripe webhooks (after a server-side
 * retrieve) and from the built-in test provider alike. Safe to call any number of times, in any order.
 */
export async function applyPaymentState(db: Db, state: PaymentState, options: { sessionOver?: boolean } = {}): Promise<string> {
  const topUp = await topUpFor(db, state);
  if (!topUp) return "unknown_top_up";
  if (topUp.liveMode !== state.livemode || topUp.provider !== state.provider) {
    log.error("payment event mode or provider does not match its top-up; ignored", { topUpId: topUp.id, paymentIntentId: state.paymentIntentId });
    return "mode_mismatch";
  }
  switch (state.status) {
    case "succeeded":
      return creditTopUp(db, topUp.id, state);
    case "processing":
      return markProcessing(db, topUp.id, state);
    case "failed":
    case "requires_action":
    case "canceled":
      return recordFailure(db, topUp.id, state, options.sessionOver ?? false);
    default:
      return "no_change";
  }
}
