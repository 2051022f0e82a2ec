import { now } from "@/lib/kernel/clock";
import { dec } from "@/lib/kernel/money";
import { unitsPerCurrency } from "./pricing";
import { rateOf } from "./rate-of";
import { effectiveStatus, type TopUpRow } from "./store";

/** A top-up as the platform API shows it (amounts are exact JSON numbers). */
export function serializeTopUp(t: TopUpRow, at: Date = now()) {
  return {
    id: t.id,
    customer_id: t.customerId,
    status: effectiveStatus(t, at),
    origin: t.origin,
    amount: dec(t.amount),
    currency: t.currency,
    description: t.description,
    destination: { account_name: t.accountName, asset: t.assetCode, exchange_rate: unitsPerCurrency(rateOf(t)) },
    credited_amount: dec(t.units),
    credit_expires_at: t.creditExpiresAt?.toISOString() ?? null,
    metadata: t.metadata ?? {},
    payment_method: t.cardLast4 ? { brand: t.cardBrand, last4: t.cardLast4 } : null,
    receipt_url: t.receiptUrl,
    failure: t.failureCode || t.failureMessage ? { code: t.failureCode, message: t.failureMessage } : null,
    created_at: t.createdAt.toISOString(),
    expires_at: t.expiresAt?.toISOString() ?? null,
    completed_at: t.completedAt?.toISOString() ?? null,
  };
}
