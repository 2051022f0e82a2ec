import type { Db } from "@/lib/db";
import type { PlatformScope } from "@/lib/scope";
import type { AccountState } from "./types";

export type AfterDebitListener = (db: Db, scope: PlatformScope, accounts: AccountState[]) => Promise<void>;

const listeners: AfterDebitListener[] = [];

/** Registers a function called after every committed debit (auto top-up plugs in here). */
export function onAfterDebit(listener: AfterDebitListener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

/**
 * Called once per committed posting with the debited wallet accounts and their new balances.
 * With no listener registered this returns at once and touches nothing.
 */
export async function afterDebit(db: Db, scope: PlatformScope, accounts: AccountState[]): Promise<void> {
  if (listeners.length === 0 || accounts.length === 0) return;
  for (const listener of listeners) await listener(db, scope, accounts);
}
