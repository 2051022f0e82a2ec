import type { Db } from "@/lib/kernel/db";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { issueAfterStripeTax, recordStripeTax } from "@/lib/domain/payments/invoices/stripe-tax";
import { completeCardSetup } from "./setup-completed";
import { applyPaymentState } from "@/lib/domain/payments/fulfilment/apply-payment-state";
import { lockTopUp, updateTopUp } from "@/lib/domain/payments/top-ups/store";
import { sessionSchema } from "./event-schemas";
import { expandableId } from "@/lib/domain/payments/stripe/expandable-id";
import { stripeClient } from "@/lib/domain/payments/stripe/client";
import { retrieveIntentState } from "@/lib/domain/payments/stripe/stripe-provider";

async function expireTopUp(db: Db, topUpId: string): Promise<string> {
  return withTransaction(db, async (tx) => {
    const t = await lockTopUp(tx, topUpId);
    if (!t || t.status !== "initiated") return "no_change";
    await updateTopUp(tx, t.id, { status: "expired" });
    return "expired";
  });
}

async function setupCompleted(db: Db, session: ReturnType<typeof sessionSchema.parse>): Promise<string> {
  if (session.status !== "complete" || !session.setup_intent || !session.customer) return "no_change";
  const intent = await stripeClient().setupIntents.retrieve(session.setup_intent);
  const pm = expandableId(intent.payment_method);
  if (!pm || intent.status !== "succeeded") return "no_change";
  return completeCardSetup(db, { provider: "stripe", providerCustomerId: session.customer, paymentMethodId: pm, metadata: session.metadata ?? {} });
}

/**
 * checkout.session.* events. The session only says which payment to look at: its PaymentIntent is
 * retrieved from Stripe and applied, so duplicates and any order of events land on the same state.
 */
export async function handleCheckoutSession(db: Db, object: unknown): Promise<string> {
  const parsed = sessionSchema.safeParse(object);
  if (!parsed.success) return "malformed";
  const session = parsed.data;
  if (session.mode === "setup") return setupCompleted(db, session);
  const topUpId = session.metadata?.top_up_id;
  if (session.status === "expired") return topUpId ? expireTopUp(db, topUpId) : "no_change";
  if (!session.payment_intent) return "no_change";
  const state = await retrieveIntentState(session.payment_intent);
  if (!state) return "unknown_payment";
  const id = state.topUpId ?? topUpId ?? null;
  const taxed = id && session.status === "complete" && session.amount_total != null && session.currency;
  if (taxed) {
    const country = session.customer_details?.address?.country ?? null;
    await recordStripeTax(db, { topUpId: id, amountTotal: session.amount_total!, amountTax: session.total_details?.amount_tax ?? 0, currency: session.currency!, country });
  }
  const outcome = await applyPaymentState(db, { ...state, topUpId: id }, { sessionOver: session.status === "complete" });
  if (taxed) await issueAfterStripeTax(db, id);
  return outcome;
}
