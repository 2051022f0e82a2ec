import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { testPaymentIntents, testPaymentMethods } from "@/lib/kernel/db/schema";
import { dec } from "@/lib/kernel/money";
import type { PaymentError, PaymentState } from "@/lib/domain/payments/provider/types";

type IntentRow = typeof testPaymentIntents.$inferSelect;

const STATUS: Record<string, PaymentState["status"]> = {
  succeeded: "succeeded",
  requires_payment_method: "failed",
  requires_action: "requires_action",
  canceled: "canceled",
  open: "open",
};

/** A test PaymentIntent in the same neutral shape a Stripe retrieve produces. */
export async function testIntentState(db: DbOrTx, row: IntentRow): Promise<PaymentState> {
  const [pm] = row.paymentMethodId
    ? await db.select().from(testPaymentMethods).where(eq(testPaymentMethods.id, row.paymentMethodId)).limit(1)
    : [];
  const error = row.lastError
    ? ({ code: row.lastError.code ?? null, declineCode: row.lastError.declineCode ?? null, adviceCode: null, message: row.lastError.message ?? "The card was declined." } satisfies PaymentError)
    : null;
  return {
    provider: "test",
    paymentIntentId: row.id,
    status: STATUS[row.status] ?? "open",
    amount: dec(row.amount),
    currency: row.currency,
    livemode: false,
    topUpId: row.metadata.top_up_id ?? null,
    paymentMethodId: row.paymentMethodId,
    card: pm ? { brand: pm.brand, last4: pm.last4 } : null,
    receiptUrl: null,
    error,
  };
}

export async function findTestIntent(db: DbOrTx, id: string): Promise<IntentRow | null> {
  const [row] = await db.select().from(testPaymentIntents).where(eq(testPaymentIntents.id, id)).limit(1);
  return row ?? null;
}
