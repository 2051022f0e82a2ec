import { and, eq } from "drizzle-orm";
import { findAsset } from "@/lib/domain/assets/find-asset";
import type { Db, DbOrTx, Tx } from "@/lib/kernel/db";
import { ledgerTransfers } from "@/lib/kernel/db/schema";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { postTransfers, type TransferInput } from "@/lib/domain/ledger";
import { expectedCharge } from "@/lib/domain/payments/top-ups/payment-tax";
import { dec, type Decimal } from "@/lib/kernel/money";
import { inScope } from "@/lib/kernel/scope";
import { unitsForAmount } from "@/lib/domain/payments/top-ups/pricing";
import { rateOf } from "@/lib/domain/payments/top-ups/rate-of";
import { lockTopUp, type TopUpRow, isPlanCharge } from "@/lib/domain/payments/top-ups/store";

export interface Reversal {
  /** The payment the money goes back from: only a payment that was credited can be taken back. */
  paymentIntentId: string;
  /** Permanent key of the provider object (`refund:re_…`, `dispute:dp_…`). */
  key: string;
  /** Money taken back, in the top-up's currency. */
  amount: Decimal;
  category: "refund" | "dispute";
  description: string;
  /** When set, the reversal is undone under this second key (a refund that failed, a dispute that was won). */
  restoreKey?: string;
  restoreDescription?: string;
}

function transfer(t: TopUpRow, key: string, units: Decimal, category: Reversal["category"], description: string, toWallet: boolean): TransferInput {
  const wallet = { kind: "wallet" as const, customerId: t.customerId, name: t.accountName, asset: t.assetCode };
  const payments = { kind: "system" as const, name: "payments" as const, asset: t.assetCode, shardKey: t.customerId };
  return {
    idempotencyKey: key,
    category,
    asset: t.assetCode,
    amount: units,
    from: toWallet ? payments : wallet,
    to: toWallet ? wallet : payments,
    customerId: t.customerId,
    description,
    reference: { type: "top_up", id: t.id },
  };
}

/** The units `amount` of the top-up's money (tax included) bought at its recorded rate, rounded down: what a reversal of it takes back. */
export async function reversalUnits(db: DbOrTx, t: TopUpRow, amount: Decimal): Promise<Decimal> {
  const asset = await findAsset(db, { platformId: t.platformId, liveMode: t.liveMode }, t.assetCode);
  // Money returned includes its share of tax charged on top of the price; only the price bought units.
  const charged = await expectedCharge(db, t);
  const price = dec(t.amount);
  const spent = charged.eq(price) ? amount : amount.times(price).dividedBy(charged);
  return unitsForAmount(spent, rateOf(t), asset?.precision ?? 12, t.currency);
}

async function wasCredited(tx: Tx, t: TopUpRow, paymentIntentId: string): Promise<boolean> {
  const [credit] = await tx
    .select({ id: ledgerTransfers.id })
    .from(ledgerTransfers)
    .where(and(inScope(ledgerTransfers, { platformId: t.platformId, liveMode: t.liveMode }), eq(ledgerTransfers.idempotencyKey, `pi:${paymentIntentId}`)))
    .limit(1);
  return credit !== undefined;
}

/**
 * Takes back the units that `amount` bought at the top-up's recorded rate (rounded down, so
 * reversals never take more than was credited for that money). A reversal and its restoration are
 * written together when the provider says the money came back, so whichever event arrives first,
 * the ledger ends the same: each key is written once, forever.
 * @returns whether anything new was written
 */
export async function postReversal(db: Db, topUpId: string, reversal: Reversal): Promise<boolean> {
  return withTransaction(db, async (tx) => {
    const t = await lockTopUp(tx, topUpId);
    // A refunded plan payment credited no wallet, so there is nothing to take back from one.
    if (!t || isPlanCharge(t)) return false;
    // A payment refused for not matching its top-up credited nothing, so its refund takes nothing back.
    if (!(await wasCredited(tx, t, reversal.paymentIntentId))) return false;
    const units = await reversalUnits(tx, t, reversal.amount);
    if (!units.gt(0)) return false;
    const inputs = [transfer(t, reversal.key, units, reversal.category, reversal.description, false)];
    if (reversal.restoreKey) inputs.push(transfer(t, reversal.restoreKey, units, reversal.category, reversal.restoreDescription ?? "Reversal undone", true));
    const result = await postTransfers(tx, { platformId: t.platformId, liveMode: t.liveMode }, inputs);
    return result.transfers.some((p) => p.created);
  });
}
