import { and, eq, gte, inArray, like, ne } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { ledgerTransfers, topUps } from "@/lib/kernel/db/schema";
import { dec, type Decimal } from "@/lib/kernel/money";
import type { TopUpRow } from "@/lib/domain/payments/top-ups/store";

/** What Billfold recorded for one top-up: the row, and every transfer referencing it by key (amount in units). */
export interface LedgerRecord {
  topUp: TopUpRow;
  transfers: Map<string, Decimal>;
}

/** The top-ups with these ids and the ledger transfers that reference them (credits, reversals, restorations). */
export async function ledgerRecords(db: DbOrTx, topUpIds: string[]): Promise<Map<string, LedgerRecord>> {
  const out = new Map<string, LedgerRecord>();
  if (topUpIds.length === 0) return out;
  for (const topUp of await db.select().from(topUps).where(inArray(topUps.id, topUpIds))) out.set(topUp.id, { topUp, transfers: new Map() });
  const rows = await db
    .select({ platformId: ledgerTransfers.platformId, liveMode: ledgerTransfers.liveMode, key: ledgerTransfers.idempotencyKey, amount: ledgerTransfers.amount, topUpId: ledgerTransfers.referenceId })
    .from(ledgerTransfers)
    .where(and(eq(ledgerTransfers.referenceType, "top_up"), inArray(ledgerTransfers.referenceId, topUpIds)));
  for (const row of rows) {
    const record = out.get(row.topUpId!);
    // A reference is only the top-up's when it is in the top-up's own platform and mode.
    if (record && record.topUp.platformId === row.platformId && record.topUp.liveMode === row.liveMode) record.transfers.set(row.key, dec(row.amount));
  }
  return out;
}

export interface RecordedCredit {
  topUpId: string;
  platformId: string;
  paymentIntentId: string;
}

/**
 * Every PaymentIntent credit of a Stripe top-up in this mode completed since `from`: the ledger's side
 * of the check that each credit has a payment behind it.
 */
export async function creditsSince(db: DbOrTx, from: Date, liveMode: boolean): Promise<RecordedCredit[]> {
  const rows = await db
    .select({ topUpId: topUps.id, platformId: topUps.platformId, key: ledgerTransfers.idempotencyKey })
    .from(topUps)
    .innerJoin(
      ledgerTransfers,
      and(
        eq(ledgerTransfers.referenceType, "top_up"),
        eq(ledgerTransfers.referenceId, topUps.id),
        eq(ledgerTransfers.platformId, topUps.platformId),
        eq(ledgerTransfers.liveMode, topUps.liveMode),
      ),
    )
    .where(and(eq(topUps.provider, "stripe"), eq(topUps.liveMode, liveMode), ne(topUps.origin, "subscription"), gte(topUps.completedAt, from), like(ledgerTransfers.idempotencyKey, "pi:%")));
  return rows.map((r) => ({ topUpId: r.topUpId, platformId: r.platformId, paymentIntentId: r.key.slice("pi:".length) }));
}
