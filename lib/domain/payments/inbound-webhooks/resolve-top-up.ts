import { eq } from "drizzle-orm";
import type { Db } from "@/lib/kernel/db";
import { topUps } from "@/lib/kernel/db/schema";
import { applyPaymentState } from "@/lib/domain/payments/fulfilment/apply-payment-state";
import { findTopUpByPaymentIntent, type TopUpRow } from "@/lib/domain/payments/top-ups/store";
import { retrieveIntentState } from "@/lib/domain/payments/stripe/stripe-provider";

/**
 * The top-up a PaymentIntent paid for, credited first if its success has not been applied yet (money
 * coming back presupposes money that came in, and events arrive in any order). The PaymentIntent is
 * read from Stripe, whose metadata names the top-up.
 */
export async function resolvePaidTopUp(db: Db, paymentIntentId: string): Promise<TopUpRow | null> {
  const known = await findTopUpByPaymentIntent(db, paymentIntentId);
  if (known?.status === "completed") return known;
  const state = await retrieveIntentState(paymentIntentId);
  if (!state) return known;
  await applyPaymentState(db, state);
  if (!state.topUpId) return findTopUpByPaymentIntent(db, paymentIntentId);
  const [row] = await db.select().from(topUps).where(eq(topUps.id, state.topUpId)).limit(1);
  return row ?? null;
}
