import { and, eq } from "drizzle-orm";
import { requireAsset } from "@/lib/domain/assets/find-asset";
import { now } from "@/lib/kernel/clock";
import type { Db } from "@/lib/kernel/db";
import { paymentTaxes, topUps } from "@/lib/kernel/db/schema";
import { isUniqueViolation } from "@/lib/kernel/db/transaction";
import { getCustomerOrThrow } from "@/lib/domain/customers/customer-store";
import { IdempotencyMismatchError, ValidationError } from "@/lib/kernel/errors";
import { newId } from "@/lib/kernel/ids";
import type { Decimal } from "@/lib/kernel/money";
import { inScope, type PlatformScope } from "@/lib/kernel/scope";
import { chargeAmountProblem } from "@/lib/kernel/money/limits";
import { providerKindFor } from "@/lib/domain/payments/select-provider";
import { ensureCheckout } from "./checkout";
import { priceTopUp } from "./pricing";
import { getTopUpOrThrow, TOP_UP_LIFETIME_MS, type TopUpOrigin, type TopUpRow } from "./store";

export interface TopUpRequest {
  customerId: string;
  amount: Decimal;
  currency: string;
  accountName: string;
  asset: string;
  exchangeRate?: Decimal;
  description?: string | null;
  metadata?: Record<string, string> | null;
  creditExpiresAt?: Date | null;
  returnUrl?: string | null;
  failureUrl?: string | null;
  idempotencyKey?: string | null;
  requestHash?: string | null;
}

async function existingForKey(db: Db, scope: PlatformScope, req: TopUpRequest): Promise<TopUpRow | null> {
  if (!req.idempotencyKey) return null;
  const [row] = await db.select().from(topUps).where(and(inScope(topUps, scope), eq(topUps.idempotencyKey, req.idempotencyKey))).limit(1);
  if (row && row.requestHash !== req.requestHash) throw new IdempotencyMismatchError("Idempotency-Key");
  return row ?? null;
}

/** Everything that could refuse the request, checked before anything is written. */
async function validate(db: Db, scope: PlatformScope, req: TopUpRequest) {
  await getCustomerOrThrow(db, scope, req.customerId);
  const provider = providerKindFor(scope);
  const asset = await requireAsset(db, scope, req.asset, "destination.asset");
  const amountProblem = chargeAmountProblem(req.amount, req.currency);
  if (amountProblem) throw ValidationError.field("amount", amountProblem);
  const priced = priceTopUp(asset, req.currency, req.amount, now(), req.exchangeRate);
  if (!priced.ok) throw ValidationError.field(priced.field, priced.message);
  if (req.creditExpiresAt && req.creditExpiresAt <= now()) throw ValidationError.field("credit_expires_at", "Must be in the future.");
  return { provider, units: priced.units, rate: priced.rate };
}

/**
 * Records a top-up and opens its Checkout. The same Idempotency-Key with the same request returns
 * the original top-up; with a different request it is refused. If the provider cannot open the
 * Checkout, the top-up is removed again, so a refused request leaves nothing behind.
 * @throws NotFoundError, ValidationError, IdempotencyMismatchError, PaymentsUnavailableError, PaymentProviderUnavailableError
 */
export async function initiateTopUp(db: Db, scope: PlatformScope, req: TopUpRequest, origin: TopUpOrigin): Promise<{ topUp: TopUpRow; replayed: boolean }> {
  const replay = await existingForKey(db, scope, req);
  if (replay) return { topUp: replay, replayed: true };
  const { provider, units, rate } = await validate(db, scope, req);
  const at = now();
  const values: TopUpRow = {
    id: newId("topUp", at.getTime()), ...scope, customerId: req.customerId, origin, provider, status: "initiated",
    amount: req.amount.toString(), currency: req.currency, accountName: req.accountName, assetCode: req.asset,
    units: units.toString(), rate: rate?.rate?.toString() ?? null, inverseRate: rate?.inverseRate?.toString() ?? null,
    rateSource: rate?.source ?? null, description: req.description ?? null, metadata: req.metadata ?? null,
    creditExpiresAt: req.creditExpiresAt ?? null, returnUrl: req.returnUrl ?? null, failureUrl: req.failureUrl ?? null,
    idempotencyKey: req.idempotencyKey ?? null, requestHash: req.requestHash ?? null, checkoutSessionId: null, checkoutUrl: null,
    paymentIntentId: null, attemptId: null, cardBrand: null, cardLast4: null, receiptUrl: null, failureCode: null,
    failureMessage: null, transferId: null, subscriptionId: null, periodStart: null, createdAt: at, expiresAt: new Date(at.getTime() + TOP_UP_LIFETIME_MS), completedAt: null, updatedAt: at,
  };
  try {
    await db.insert(topUps).values(values);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return { topUp: (await existingForKey(db, scope, req))!, replayed: true };
  }
  try {
    await ensureCheckout(db, values);
    return { topUp: await getTopUpOrThrow(db, scope, values.id), replayed: false };
  } catch (error) {
    await db.delete(paymentTaxes).where(eq(paymentTaxes.topUpId, values.id));
    await db.delete(topUps).where(eq(topUps.id, values.id));
    throw error;
  }
}
