import { now } from "@/lib/kernel/clock";
import { eq } from "drizzle-orm";
import type { Tx } from "@/lib/kernel/db";
import { autoTopUpAttempts } from "@/lib/kernel/db/schema";
import { planChargeHooks } from "@/lib/domain/payments/settlement-hooks";
import { declineMessage, isHardDecline, needsAuthentication } from "@/lib/domain/payments/declines";
import type { OffSessionOutcome, PaymentError, PaymentState } from "@/lib/domain/payments/provider/types";
import { scheduleReconcile, scheduleRetry } from "@/lib/domain/payments/job-kinds";
import { notifyAutoTopUpFailed, notifyTopUp } from "@/lib/domain/payments/notify";
import { lockTopUp, updateTopUp } from "@/lib/domain/payments/top-ups/store";
import { accountOf, customerScopeOf, disableConfig, lockAttempt, lockConfig, updateAttempt, updateConfig, type AttemptRow } from "./store";

/** Declines in a row after which auto top-up switches itself off. */
const MAX_CONSECUTIVE_FAILURES = 3;
/** How long a soft decline holds back the next automatic attempt. */
const DECLINE_BACKOFF_MS = 60 * 60 * 1000;

export type AttemptOutcome =
  | { kind: "accepted"; state: PaymentState }
  | { kind: "authentication_required"; paymentIntentId: string | null; error: PaymentError }
  | { kind: "declined"; paymentIntentId: string | null; error: PaymentError; hard: boolean };

const GENERIC: PaymentError = { code: "card_declined", declineCode: null, adviceCode: null, message: "The card was declined." };

/** What an off-session answer (or a later state of its PaymentIntent) means for the attempt. */
export function outcomeOf(result: OffSessionOutcome): AttemptOutcome {
  const { state } = result;
  const error = state ? (state.error ?? GENERIC) : result.error!;
  const paymentIntentId = state?.paymentIntentId ?? null;
  if (state && (state.status === "succeeded" || state.status === "processing")) return { kind: "accepted", state };
  if (state?.status === "requires_action" || needsAuthentication(error)) return { kind: "authentication_required", paymentIntentId, error };
  return { kind: "declined", paymentIntentId, error, hard: isHardDecline(error) };
}

async function settleDecline(tx: Tx, attempt: AttemptRow, outcome: Extract<AttemptOutcome, { kind: "declined" }>): Promise<void> {
  const scope = customerScopeOf(attempt);
  const account = accountOf(attempt);
  const config = await lockConfig(tx, scope, account);
  const failures = (config?.consecutiveFailures ?? 0) + 1;
  const message = declineMessage(outcome.error);
  const base = { status: "failed", declineCode: outcome.error.declineCode ?? outcome.error.code, hardDecline: outcome.hard };
  if (outcome.hard || failures >= MAX_CONSECUTIVE_FAILURES) {
    const reason = outcome.hard
      ? `${message} This card won't be charged again: add a card and switch auto top-up back on.`
      : `${message} Auto top-up is off after ${MAX_CONSECUTIVE_FAILURES} declined payments in a row.`;
    await updateAttempt(tx, attempt.id, { ...base, reason });
    await updateConfig(tx, scope, account, { consecutiveFailures: failures });
    if (config?.enabled) await disableConfig(tx, scope, account, reason);
    return;
  }
  const retryAfter = new Date(now().getTime() + DECLINE_BACKOFF_MS);
  await updateAttempt(tx, attempt.id, { ...base, reason: `${message} We'll try again after an hour.`, nextRetryAt: retryAfter });
  await updateConfig(tx, scope, account, { consecutiveFailures: failures, retryAfter });
  await scheduleRetry(tx, scope, account, attempt.id, retryAfter);
}

/**
 * Applies an outcome to an attempt that is still open, with its consequences for the settings, in the
 * caller's transaction. Whoever settles first (the off-session answer or a webhook) wins; the other
 * finds the attempt settled and changes nothing. Returns whether this call settled it.
 */
export async function settleAttempt(tx: Tx, attemptId: string, outcome: AttemptOutcome): Promise<boolean> {
  // Top-up before attempt, the order the fulfilment path locks them in, so the two never wait on each other crosswise.
  const [peek] = await tx.select({ topUpId: autoTopUpAttempts.topUpId }).from(autoTopUpAttempts).where(eq(autoTopUpAttempts.id, attemptId));
  if (peek?.topUpId) await lockTopUp(tx, peek.topUpId);
  const attempt = await lockAttempt(tx, attemptId);
  const open = attempt && (attempt.status === "pending" || (attempt.status === "processing" && outcome.kind !== "accepted"));
  if (!attempt || !open) return false;
  const piId = outcome.kind === "accepted" ? outcome.state.paymentIntentId : outcome.paymentIntentId;
  const topUpUpdate = piId ? { paymentIntentId: piId } : {};
  if (outcome.kind === "accepted") {
    await updateAttempt(tx, attempt.id, { status: "processing", paymentIntentId: piId, reason: "Payment accepted; adding the funds." });
    if (attempt.topUpId) await updateTopUp(tx, attempt.topUpId, { ...topUpUpdate, status: "processing" });
    await scheduleReconcile(tx, attempt.customerId, attempt.id);
    return true;
  }
  const message = declineMessage(outcome.error);
  if (attempt.topUpId) {
    await updateTopUp(tx, attempt.topUpId, { ...topUpUpdate, status: "failed", failureCode: outcome.error.declineCode ?? outcome.error.code, failureMessage: message });
  }
  if (attempt.purpose === "renewal") {
    // No customer is present to authenticate a renewal: any refusal is a declined renewal, retried on its schedule.
    await updateAttempt(tx, attempt.id, { status: "failed", paymentIntentId: piId, declineCode: outcome.error.declineCode ?? outcome.error.code, reason: message });
    await planChargeHooks().renewalDeclined(tx, attempt, message);
    return true;
  }
  if (outcome.kind === "authentication_required") {
    await updateAttempt(tx, attempt.id, { status: "requires_action", paymentIntentId: piId, declineCode: "authentication_required", reason: message });
    await updateConfig(tx, customerScopeOf(attempt), accountOf(attempt), { actionRequiredAttemptId: attempt.id });
  } else {
    await updateAttempt(tx, attempt.id, { paymentIntentId: piId });
    await settleDecline(tx, attempt, outcome);
  }
  await notifyFailure(tx, attempt.id);
  return true;
}

/** Tells the platform (webhooks) that an automatic top-up added nothing, and whether auto top-up is still on. */
async function notifyFailure(tx: Tx, attemptId: string): Promise<void> {
  const settled = (await lockAttempt(tx, attemptId))!;
  const config = await lockConfig(tx, customerScopeOf(settled), accountOf(settled));
  if (settled.topUpId) await notifyTopUp(tx, settled.topUpId, "top_up.failed");
  await notifyAutoTopUpFailed(tx, settled, config?.enabled ?? false);
}

/** Closes an attempt that was never sent (the customer switched auto top-up off first): no charge, no decline counted. */
export async function abandonAttempt(tx: Tx, attemptId: string, reason: string): Promise<boolean> {
  const [peek] = await tx.select({ topUpId: autoTopUpAttempts.topUpId }).from(autoTopUpAttempts).where(eq(autoTopUpAttempts.id, attemptId));
  if (peek?.topUpId) await lockTopUp(tx, peek.topUpId);
  const attempt = await lockAttempt(tx, attemptId);
  if (attempt?.status !== "pending") return false;
  await updateAttempt(tx, attemptId, { status: "failed", reason });
  if (attempt.topUpId) await updateTopUp(tx, attempt.topUpId, { status: "cancelled", failureMessage: reason });
  return true;
}

/** The attempt's payment was credited: it succeeded, and the run of declines is over. */
export async function markAttemptSucceeded(tx: Tx, attemptId: string): Promise<void> {
  const attempt = await lockAttempt(tx, attemptId);
  if (!attempt || attempt.status === "succeeded") return;
  const renewal = attempt.purpose === "renewal";
  await updateAttempt(tx, attemptId, { status: "succeeded", reason: renewal ? "Plan renewed." : "Funds added.", nextRetryAt: null });
  if (!renewal) await updateConfig(tx, customerScopeOf(attempt), accountOf(attempt), { consecutiveFailures: 0, retryAfter: null });
}
