import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { topUps } from "@/lib/db/schema";
import { applyPaymentState } from "../fulfilment/apply-payment-state";
import { findTopUpByPaymentIntent, type TopUpRow } from "../top-ups/store";
import { retrieveIntentState } from "./stripe-provider";

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
