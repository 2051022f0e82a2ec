import type { Tx } from "@/lib/kernel/db";
import { stringifyJson } from "@/lib/kernel/json";
import { ZERO, type Decimal } from "@/lib/kernel/money";
import type { PlatformScope } from "@/lib/kernel/scope";
import { emitWebhookEvent } from "@/lib/domain/outbound-webhooks/emit";
import { stateKey } from "./accounts";
import type { AccountState } from "./types";

/** Whether a debit from `before` to `after` crosses the low mark: below the auto top-up threshold (as auto top-up reads it), or, without one, out of credit. */
function crossed(before: Decimal, after: Decimal, threshold: Decimal | null): boolean {
  if (threshold !== null) return before.gte(threshold) && after.lt(threshold);
  return before.gt(ZERO) && !after.gt(ZERO);
}

/**
 * Writes `wallet.balance_low` for each debited wallet this posting took across its low mark. Only the
 * crossing emits, so a run of debits below the mark sends one event, and another only after the balance
 * went back above it. Runs in the posting's transaction (the outbox); no query unless an account crossed.
 */
export async function emitBalanceLow(tx: Tx, scope: PlatformScope, before: Map<string, AccountState>, debited: AccountState[]): Promise<void> {
  for (const after of debited) {
    const previous = before.get(stateKey(after));
    if (!previous || !crossed(previous.balance, after.balance, after.autoTopUpThreshold)) continue;
    const threshold = after.autoTopUpThreshold ?? ZERO;
    const data = { customer_id: after.owner, account_id: `${after.name}:${after.assetCode}`, asset: after.assetCode, balance: after.balance, threshold };
    // Through stringifyJson so the decimals are stored as JSON numbers, as the API writes them.
    await emitWebhookEvent(tx, scope, "wallet.balance_low", JSON.parse(stringifyJson(data)) as Record<string, unknown>);
  }
}
