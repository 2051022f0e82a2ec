import { and, eq } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { DbOrTx, Tx } from "@/lib/kernel/db";
import { autoTopUpAttempts, autoTopUps, ledgerAccounts } from "@/lib/kernel/db/schema";
import type { Decimal } from "@/lib/kernel/money";
import { inScope, type CustomerScope } from "@/lib/kernel/scope";

export type AutoTopUpRow = typeof autoTopUps.$inferSelect;
export type AttemptRow = typeof autoTopUpAttempts.$inferSelect;

export interface AccountRef {
  name: string;
  asset: string;
}

function configWhere(scope: CustomerScope, account: AccountRef) {
  return and(
    inScope(autoTopUps, scope),
    eq(autoTopUps.customerId, scope.customerId),
    eq(autoTopUps.accountName, account.name),
    eq(autoTopUps.assetCode, account.asset),
  );
}

export async function findConfig(db: DbOrTx, scope: CustomerScope, account: AccountRef): Promise<AutoTopUpRow | null> {
  const [row] = await db.select().from(autoTopUps).where(configWhere(scope, account)).limit(1);
  return row ?? null;
}

/** Locks the account's settings: every decision to charge, and every change to them, happens under this lock. */
export async function lockConfig(tx: Tx, scope: CustomerScope, account: AccountRef): Promise<AutoTopUpRow | null> {
  const [row] = await tx.select().from(autoTopUps).where(configWhere(scope, account)).limit(1).for("update");
  return row ?? null;
}

export async function updateConfig(db: DbOrTx, scope: CustomerScope, account: AccountRef, values: Partial<AutoTopUpRow>): Promise<void> {
  await db.update(autoTopUps).set({ ...values, updatedAt: now() }).where(configWhere(scope, account));
}

/** Keeps the ledger account's threshold (what the after-debit hook reads) in step with the settings. */
export async function setLedgerThreshold(db: DbOrTx, scope: CustomerScope, account: AccountRef, threshold: Decimal | null): Promise<void> {
  await db
    .update(ledgerAccounts)
    .set({ autoTopUpThreshold: threshold?.toString() ?? null })
    .where(
      and(
        inScope(ledgerAccounts, scope),
        eq(ledgerAccounts.owner, scope.customerId),
        eq(ledgerAccounts.name, account.name),
        eq(ledgerAccounts.assetCode, account.asset),
        eq(ledgerAccounts.shard, 0),
      ),
    );
}

/** Switches auto top-up off on Billfold's own initiative, with the reason the customer will see. Only the customer switches it on. */
export async function disableConfig(tx: Tx, scope: CustomerScope, account: AccountRef, reason: string): Promise<void> {
  await updateConfig(tx, scope, account, { enabled: false, disabledReason: reason, disabledAt: now(), retryAfter: null });
  await setLedgerThreshold(tx, scope, account, null);
}

export function accountOf(row: Pick<AttemptRow, "accountName" | "assetCode">): AccountRef {
  return { name: row.accountName, asset: row.assetCode };
}

export function customerScopeOf(row: { platformId: string; liveMode: boolean; customerId: string }): CustomerScope {
  return { platformId: row.platformId, liveMode: row.liveMode, customerId: row.customerId };
}

export async function lockAttempt(tx: Tx, id: string): Promise<AttemptRow | null> {
  const [row] = await tx.select().from(autoTopUpAttempts).where(eq(autoTopUpAttempts.id, id)).limit(1).for("update");
  return row ?? null;
}

export async function updateAttempt(db: DbOrTx, id: string, values: Partial<AttemptRow>): Promise<void> {
  await db.update(autoTopUpAttempts).set({ ...values, updatedAt: now() }).where(eq(autoTopUpAttempts.id, id));
}
