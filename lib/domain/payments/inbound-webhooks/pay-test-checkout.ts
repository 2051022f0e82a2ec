import { eq } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { Db } from "@/lib/kernel/db";
import { testCheckoutSessions } from "@/lib/kernel/db/schema";
import { NotFoundError, ValidationError } from "@/lib/kernel/errors";
import { completeCardSetup } from "@/lib/domain/payments/inbound-webhooks/setup-completed";
import { applyPaymentState } from "@/lib/domain/payments/fulfilment/apply-payment-state";
import { testCard } from "@/lib/domain/payments/test-provider/cards";
import { completeTestSession, declineTestPayment, type CardEntry, type TestSession } from "@/lib/domain/payments/test-provider/complete-checkout";
import type { TestPaymentInput } from "@/lib/domain/payments/test-provider/schema";

export type TestPayResult =
  | { kind: "redirect"; url: string }
  | { kind: "authenticate" }
  | { kind: "declined"; message: string }
  | { kind: "expired"; url: string };

/** A TEST MODE checkout session; live-mode ids do not exist here. @throws NotFoundError */
export async function getTestSessionOrThrow(db: Db, sessionId: string): Promise<TestSession> {
  const [session] = await db.select().from(testCheckoutSessions).where(eq(testCheckoutSessions.id, sessionId)).limit(1);
  if (!session || session.liveMode) throw new NotFoundError("Checkout session");
  return session;
}

function readCard(input: TestPaymentInput): CardEntry {
  const profile = testCard(input.card_number);
  const errors: Record<string, string[]> = {};
  if (!profile) errors.card_number = ["Use a test card, such as 4242 4242 4242 4242."];
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2})\s*$/.exec(input.expiry);
  const month = Number(match?.[1]);
  const year = 2000 + Number(match?.[2]);
  const at = now();
  const expired = year < at.getUTCFullYear() || (year === at.getUTCFullYear() && month < at.getUTCMonth() + 1);
  if (!match || month < 1 || month > 12 || expired) errors.expiry = ["Enter a future expiry date as MM / YY."];
  if (!/^\d{3,4}$/.test(input.cvc)) errors.cvc = ["Enter the 3 or 4 digit security code."];
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return { number: input.card_number, expMonth: month, expYear: year, profile: profile! };
}

/** Hands the outcome to the same fulfilment code Stripe's webhooks reach. */
async function fulfil(db: Db, session: TestSession, result: Awaited<ReturnType<typeof completeTestSession>>): Promise<void> {
  if (result.state) await applyPaymentState(db, result.state, { sessionOver: true });
  else if (session.mode === "setup" && result.paymentMethodId) {
    await completeCardSetup(db, { provider: "test", providerCustomerId: session.providerCustomerId, paymentMethodId: result.paymentMethodId, metadata: session.metadata });
  }
}

/**
 * The TEST MODE checkout page's submission. Test cards behave like Stripe's: 4242… pays, 4000 0000
 * 0000 0002 is declined, 4000 0025 0000 3155 asks for authentication first.
 * @throws NotFoundError, ValidationError
 */
export async function payTestCheckout(db: Db, sessionId: string, input: TestPaymentInput): Promise<TestPayResult> {
  const session = await getTestSessionOrThrow(db, sessionId);
  if (session.status !== "complete" && (session.status === "expired" || session.expiresAt <= now())) {
    return { kind: "expired", url: session.cancelUrl };
  }
  const card = readCard(input);
  const outcome = session.mode === "setup" ? card.profile.setup : card.profile.payment;
  if (session.status !== "complete" && outcome === "authenticate" && input.authentication !== "approve") {
    if (!input.authentication) return { kind: "authenticate" };
    if (session.mode === "payment") {
      const state = await declineTestPayment(db, session, "payment_intent_authentication_failure", "authentication_failed", "Authentication failed.");
      await applyPaymentState(db, state);
    }
    return { kind: "declined", message: "Your bank could not confirm this payment. Try again or use another card." };
  }
  if (session.status !== "complete" && outcome === "decline") {
    if (session.mode === "payment") {
      const state = await declineTestPayment(db, session, "card_declined", card.profile.declineCode, "The card was declined.");
      await applyPaymentState(db, state);
    }
    return { kind: "declined", message: "Your card was declined. Try another card." };
  }
  const result = await completeTestSession(db, sessionId, card, input.save_card ?? false);
  await fulfil(db, session, result);
  return { kind: "redirect", url: session.successUrl };
}
