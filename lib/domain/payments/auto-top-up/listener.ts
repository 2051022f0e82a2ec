import type { Db } from "@/lib/kernel/db";
import { onAfterDebit, type AccountState } from "@/lib/domain/ledger";
import { log } from "@/lib/kernel/log";
import type { PlatformScope } from "@/lib/kernel/scope";
import { triggerAutoTopUp } from "./trigger";

/**
 * After a debit: accounts without auto top-up (threshold null, read with the balance under the
 * ledger's lock) cost nothing here; only an account left below its threshold goes further.
 * A failure here never fails the debit that caused it.
 */
async function autoTopUpAfterDebit(db: Db, scope: PlatformScope, accounts: AccountState[]): Promise<void> {
  for (const a of accounts) {
    if (a.autoTopUpThreshold === null || !a.balance.lt(a.autoTopUpThreshold)) continue;
    try {
      await triggerAutoTopUp(db, { ...scope, customerId: a.owner }, { name: a.name, asset: a.assetCode });
    } catch (error) {
      log.error("auto top-up could not start; the jobs will retry", { customerId: a.owner, account: `${a.name}:${a.assetCode}`, error });
    }
  }
}

/** Plugs auto top-up into every debit (events, adjustments, anything that calls afterDebit). */
export function registerAutoTopUp(): void {
  onAfterDebit("auto-top-up", autoTopUpAfterDebit);
}
