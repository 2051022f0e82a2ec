import { and, eq, isNull } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { Db, DbOrTx } from "@/lib/kernel/db";
import { testCheckoutSessions, testPaymentIntents, testPaymentMethods } from "@/lib/kernel/db/schema";
import { withTransaction } from "@/lib/kernel/db/transaction";
import type { PaymentState } from "@/lib/domain/payments/provider/types";
import { last4Of, type TestCardProfile } from "./cards";
import { testObjectId } from "./ids";
import { findTestIntent, testIntentState } from "./intents";

export type TestSession = typeof testCheckoutSessions.$inferSelect;

export interface CardEntry {
  number: string;
  expMonth: number;
  expYear: number;
  profile: TestCardProfile;
}

const intentIdFor = (session: TestSession) => testObjectId("pi", `checkout:${session.id}`);

/**
 * The card a checkout paid or saved with. The same card already saved (by its number, standing in for
 * Stripe's fingerprint) is reused rather than saved twice. A new card is kept on the customer in setup
 * mode, for a plan, or when the customer ticked "save"; otherwise it pays this once and is not listed.
 */
async function saveCard(db: DbOrTx, session: TestSession, card: CardEntry, save: boolean): Promise<string> {
  const [known] = await db
    .select({ id: testPaymentMethods.id })
    .from(testPaymentMethods)
    .where(
      and(
        eq(testPaymentMethods.providerCustomerId, session.providerCustomerId),
        eq(testPaymentMethods.last4, last4Of(card.number)),
        eq(testPaymentMethods.behaviour, card.profile.profile),
        eq(testPaymentMethods.expMonth, card.expMonth),
        eq(testPaymentMethods.expYear, card.expYear),
        isNull(testPaymentMethods.detachedAt),
      ),
    )
    .limit(1);
  if (known) return known.id;
  const keep = save || session.mode === "setup" || session.metadata.origin === "subscription";
  const id = testObjectId("pm");
  await db.insert(testPaymentMethods).values({
    detachedAt: keep ? null : now(),
    id,
    platformId: session.platformId,
    liveMode: session.liveMode,
    providerCustomerId: session.providerCustomerId,
    brand: card.profile.brand,
    last4: last4Of(card.number),
    expMonth: card.expMonth,
    expYear: card.expYear,
    behaviour: card.profile.profile,
  });
  return id;
}

/** The session's one PaymentIntent (Checkout keeps one and confirms it again for each card tried). */
async function upsertIntent(db: DbOrTx, session: TestSession, values: { status: string; paymentMethodId: string | null; lastError: Record<string, string> | null }) {
  const id = intentIdFor(session);
  await db
    .insert(testPaymentIntents)
    .values({
      id, platformId: session.platformId, liveMode: session.liveMode, providerCustomerId: session.providerCustomerId,
      amount: session.amount!, currency: session.currency!, metadata: session.metadata, ...values,
    })
    .onConflictDoUpdate({ target: testPaymentIntents.id, set: values });
  return id;
}

/** A declined card: the session stays open, the intent carries the decline (like payment_intent.payment_failed). */
export async function declineTestPayment(db: Db, session: TestSession, code: string, declineCode: string, message: string): Promise<PaymentState> {
  const id = await upsertIntent(db, session, { status: "requires_payment_method", paymentMethodId: null, lastError: { code, declineCode, message } });
  return testIntentState(db, (await findTestIntent(db, id))!);
}

/**
 * Completes a session once: under its row lock, saves the card and (in payment mode) marks the intent
 * succeeded. A second submission finds it complete and gets the same result back.
 */
export async function completeTestSession(db: Db, sessionId: string, card: CardEntry, save = false): Promise<{ session: TestSession; state: PaymentState | null; paymentMethodId: string | null }> {
  return withTransaction(db, async (tx) => {
    const [session] = await tx.select().from(testCheckoutSessions).where(eq(testCheckoutSessions.id, sessionId)).for("update");
    if (session!.status === "complete") {
      const intent = session!.paymentIntentId ? await findTestIntent(tx, session!.paymentIntentId) : null;
      return { session: session!, state: intent ? await testIntentState(tx, intent) : null, paymentMethodId: intent?.paymentMethodId ?? null };
    }
    const paymentMethodId = await saveCard(tx, session!, card, save);
    let state: PaymentState | null = null;
    if (session!.mode === "payment") {
      const id = await upsertIntent(tx, session!, { status: "succeeded", paymentMethodId, lastError: null });
      state = await testIntentState(tx, (await findTestIntent(tx, id))!);
    }
    await tx.update(testCheckoutSessions).set({ status: "complete", paymentIntentId: state?.paymentIntentId ?? null }).where(eq(testCheckoutSessions.id, sessionId));
    return { session: { ...session!, status: "complete" }, state, paymentMethodId };
  });
}
