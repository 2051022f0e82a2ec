import { and, eq, sum } from "drizzle-orm";
import { cache } from "react";
import { now } from "@/lib/kernel/clock";
import type { DbOrTx } from "@/lib/kernel/db";
import { ledgerAccounts } from "@/lib/kernel/db/schema";
import { inScope, type CustomerScope } from "@/lib/kernel/scope";

const SLOT_MS = 15 * 60_000;
const MAX_ENTRIES = 5_000;
const store = new Map<string, Promise<unknown>>();

/**
 * What a customer's spend aggregates depend on: every posting to any of their accounts bumps that
 * account's version (a usage fee moves the rollups in the same transaction), and the windows (this
 * month, the last 7 or 30 days, today in any timezone) only move at 15-minute slot boundaries,
 * which is the rollups' own resolution. Read before computing, so what is cached under a stamp is
 * never older than the stamp. Read once per server render (a page asks for several aggregates).
 */
const spendStamp = cache(async (db: DbOrTx, scope: CustomerScope): Promise<string> => {
  const [row] = await db
    .select({ versions: sum(ledgerAccounts.version) })
    .from(ledgerAccounts)
    .where(and(inScope(ledgerAccounts, scope), eq(ledgerAccounts.owner, scope.customerId)));
  return `${row?.versions ?? 0}@${Math.floor(now().getTime() / SLOT_MS)}`;
});

/**
 * A spend aggregate computed once per stamp and reused by every portal view until the customer's
 * ledger or the slot changes: a customer looking at their portal pays for the scan once, not on
 * every page. Correct across several app instances because the stamp comes from the database; each
 * instance just keeps its own copy. Concurrent requests share one computation; a failure is not kept.
 */
export async function cachedSpend<T>(db: DbOrTx, scope: CustomerScope, what: string, compute: () => Promise<T>): Promise<T> {
  const key = `${scope.platformId}:${scope.liveMode}:${scope.customerId}:${what}:${await spendStamp(db, scope)}`;
  const hit = store.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  if (store.size >= MAX_ENTRIES) store.clear();
  const computing = compute();
  store.set(key, computing);
  computing.catch(() => store.delete(key));
  return computing;
}
