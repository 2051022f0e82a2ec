import { ZERO, type Decimal } from "@/lib/kernel/money";
import { accountKey, keyString } from "@/lib/domain/ledger/accounts";
import { DEFAULT_ACCOUNT } from "@/lib/domain/wallet/account-id";
import type { GuardState } from "./guard-state";
import type { Hold } from "./hold-views";

/** One new usage event as the guardrails see it: what it debits from the customer's default accounts, and the hold it settles. */
export interface UsageItem {
  eventId: string;
  customerId: string;
  holdId: string | null;
  fees: { asset: string; amount: Decimal }[];
  data: Record<string, unknown> | undefined;
}

export const walletKey = (customerId: string, asset: string) => accountKey({ kind: "wallet", customerId, name: DEFAULT_ACCOUNT, asset });

/** Whether an event counts toward a budget: every event, or with a lane only those whose data has the lane's value. */
export function inLane(state: GuardState, data: Record<string, unknown> | undefined): boolean {
  const lane = state.budget?.lane;
  if (!lane) return true;
  const value = data?.[lane.dimension];
  return (typeof value === "string" || typeof value === "number" || typeof value === "boolean") && String(value) === lane.value;
}

/** What an item adds to each account's period spend and subtracts from its holds. */
export function effects(item: UsageItem, hold: Hold | null, ids: Map<string, number>, states: Map<number, GuardState>) {
  const out = new Map<number, { spend: Decimal; held: Decimal }>();
  for (const fee of item.fees) {
    const id = ids.get(keyString(walletKey(item.customerId, fee.asset)))!;
    const spend = inLane(states.get(id)!, item.data) ? fee.amount : ZERO;
    out.set(id, { spend: (out.get(id)?.spend ?? ZERO).plus(spend), held: ZERO });
  }
  if (hold?.status === "active") out.set(hold.ledgerAccountId, { spend: out.get(hold.ledgerAccountId)?.spend ?? ZERO, held: hold.amount });
  return out;
}

