import type { Db } from "@/lib/kernel/db";
import type { PlatformScope } from "@/lib/kernel/scope";
import type { AccountState } from "./types";

export type AfterDebitListener = (db: Db, scope: PlatformScope, accounts: AccountState[]) => Promise<void>;

// Kept on globalThis: Next.js may load this module in several bundles (instrumentation and each
// route), and a listener registered at boot must be seen by every one of them.
const holder = globalThis as typeof globalThis & { __billfoldAfterDebit?: Map<string, AfterDebitListener> };
const listeners = (holder.__billfoldAfterDebit ??= new Map());

/** Registers (or replaces) the function called after every committed debit under `name` (auto top-up plugs in here). */
export function onAfterDebit(name: string, listener: AfterDebitListener): void {
  listeners.set(name, listener);
}

/**
 * Called once per committed posting with the debited wallet accounts and their new balances.
 * With no listener registered this returns at once and touches nothing.
 */
export async function afterDebit(db: Db, scope: PlatformScope, accounts: AccountState[]): Promise<void> {
  if (listeners.size === 0 || accounts.length === 0) return;
  for (const listener of listeners.values()) await listener(db, scope, accounts);
}
