import { newId } from "@/lib/kernel/ids";
import { dec, type Decimal } from "@/lib/kernel/money";
import type { TransferInput } from "@/lib/domain/ledger";
import { DEFAULT_ACCOUNT } from "@/lib/domain/wallet/account-id";
import type { Candidate } from "./types";

/** Permanent idempotency key of an event's debit of one wallet account: a replay can never debit again. */
export function debitKey(c: Candidate, asset: string): string {
  return `evt:${c.input.id}:${DEFAULT_ACCOUNT}:${asset}`;
}

/** One transfer per event per wallet account: the sum of the event's fees in that asset, to revenue. `backdate` dates it at occurred_at. */
export function debitsFor(candidates: Candidate[], backdate = false): TransferInput[] {
  const transfers: TransferInput[] = [];
  for (const c of candidates) {
    if (c.rating.status !== "billed") continue;
    const totals = new Map<string, Decimal>();
    for (const fee of c.rating.fees) totals.set(fee.asset, (totals.get(fee.asset) ?? dec("0")).plus(fee.amount));
    for (const [asset, amount] of totals) {
      if (!amount.gt(0)) continue;
      transfers.push({
        id: newId("transaction"),
        idempotencyKey: debitKey(c, asset),
        category: "usage_fee",
        asset,
        amount,
        from: { kind: "wallet", customerId: c.customerId, name: DEFAULT_ACCOUNT, asset },
        to: { kind: "system", name: "revenue", asset, shardKey: c.customerId },
        customerId: c.customerId,
        description: c.input.description || c.input.subject || c.input.event_type,
        reference: { type: "event", id: c.input.id },
        ...(backdate ? { at: c.occurredAt } : {}),
      });
    }
  }
  return transfers;
}
