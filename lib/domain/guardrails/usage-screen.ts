import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/kernel/db";
import { pgArray as arr } from "@/lib/kernel/db/arrays";
import { rowsOf } from "@/lib/kernel/db/rows";
import type { PlatformScope } from "@/lib/kernel/scope";
import { keyString, lockAccounts, type AccountKey } from "@/lib/domain/ledger/accounts";
import { lockedGuardStates, overLimit } from "./guard-state";
import { HOLD_COLUMNS, toHold, type Hold, type HoldRow } from "./hold-views";
import { recordUsage } from "./record-usage";
import { effects, walletKey, type UsageItem } from "./usage-effects";

export type Refusal = { code: "budget_exceeded" | "hold_not_found"; reason: string };

export interface Screened {
  refused: Map<string, Refusal>;
  /** After the events are written and debited: the spend, the settled holds and the threshold alerts of the events in fact stored. */
  commit: (stored: Set<string>) => Promise<void>;
}

const REFUSALS = {
  budget_exceeded: "This would take the wallet account's spend this period over its budget, which has a hard stop. Nothing was charged.",
  hold_not_found: "hold_id names no hold of this customer.",
} as const;


async function readHolds(tx: Tx, scope: PlatformScope, ids: string[]): Promise<Map<string, Hold>> {
  if (ids.length === 0) return new Map();
  const rows = rowsOf<HoldRow>(
    await tx.execute(sql`SELECT ${HOLD_COLUMNS} FROM wallet_holds WHERE platform_id = ${scope.platformId} AND live_mode = ${scope.liveMode} AND id = ANY(${arr(ids, "text")})`),
  );
  return new Map(rows.map((r) => [r.id, toHold(r)]));
}

async function storedAlready(tx: Tx, scope: PlatformScope, ids: string[]): Promise<Set<string>> {
  const rows = rowsOf<{ id: string }>(
    await tx.execute(sql`SELECT id FROM events WHERE platform_id = ${scope.platformId} AND live_mode = ${scope.liveMode} AND id = ANY(${arr(ids, "text")})`),
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * Screens a batch's new usage against budgets and holds, inside the ingest transaction. It locks every
 * account the batch will post to (`postingKeys`, with the accounts of the holds it settles) in the
 * ledger's order, so the spend and holds it reads stay as read until the debits commit. An event that
 * would take a hard-stopped budget over its limit (counting the period's debits and active holds, less
 * the hold it settles) is refused; so is one naming a hold that is not its customer's.
 */
export async function screenUsage(tx: Tx, scope: PlatformScope, items: UsageItem[], postingKeys: AccountKey[], at: Date): Promise<Screened> {
  const refused = new Map<string, Refusal>();
  const holdIds = [...new Set(items.flatMap((i) => (i.holdId ? [i.holdId] : [])))];
  const seen = await readHolds(tx, scope, holdIds);
  const holdKeys = [...seen.values()].map((h) => walletKey(h.customerId, h.asset));
  const itemKeys = items.flatMap((i) => i.fees.map((f) => walletKey(i.customerId, f.asset)));
  const locked = await lockAccounts(tx, scope, [...postingKeys, ...holdKeys, ...itemKeys]);
  const ids = new Map([...locked].map(([k, a]) => [k, a.id]));
  const holds = await readHolds(tx, scope, holdIds);
  const duplicates = await storedAlready(tx, scope, items.map((i) => i.eventId));
  const accountIds = [...new Set([...itemKeys, ...holdKeys].map((k) => ids.get(keyString(k))!))];
  const states = await lockedGuardStates(tx, scope, accountIds, at);
  const initial = new Map(states);
  const accepted: { item: UsageItem; hold: Hold | null }[] = [];
  for (const item of items) {
    if (duplicates.has(item.eventId)) continue;
    const hold = item.holdId ? (holds.get(item.holdId) ?? null) : null;
    if (item.holdId && hold?.customerId !== item.customerId) {
      refused.set(item.eventId, { code: "hold_not_found", reason: REFUSALS.hold_not_found });
      continue;
    }
    const changes = effects(item, hold, ids, states);
    if ([...changes].some(([id, c]) => overLimit(states.get(id)!, c.spend.minus(c.held)))) {
      refused.set(item.eventId, { code: "budget_exceeded", reason: REFUSALS.budget_exceeded });
      continue;
    }
    for (const [id, c] of changes) {
      const s = states.get(id)!;
      states.set(id, { ...s, spent: s.spent.plus(c.spend), held: s.held.minus(c.held) });
    }
    if (hold?.status === "active") holds.set(hold.id, { ...hold, status: "settled" });
    accepted.push({ item, hold });
  }
  return { refused, commit: (stored) => recordUsage(tx, scope, accepted.filter((a) => stored.has(a.item.eventId)), ids, initial, at) };
}
