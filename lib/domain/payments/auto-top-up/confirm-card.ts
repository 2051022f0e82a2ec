import type { Db } from "@/lib/kernel/db";
import { withTransaction } from "@/lib/kernel/db/transaction";
import type { CustomerScope } from "@/lib/kernel/scope";
import { lockConfig, updateAttempt, updateConfig, type AccountRef } from "@/lib/domain/payments/attempts/store";
import { triggerAutoTopUp } from "./trigger";

/**
 * The customer confirmed a card after their bank asked for authentication: it becomes the account's
 * auto top-up card and the pause ends. If auto top-up is on and the balance is still low, it tops up now.
 */
export async function cardConfirmed(db: Db, scope: CustomerScope, account: AccountRef, paymentMethodId: string): Promise<void> {
  const resume = await withTransaction(db, async (tx) => {
    const config = await lockConfig(tx, scope, account);
    if (!config) return false;
    await updateConfig(tx, scope, account, { paymentMethodId, actionRequiredAttemptId: null });
    if (config.actionRequiredAttemptId) {
      await updateAttempt(tx, config.actionRequiredAttemptId, { reason: "You confirmed your card; automatic top-ups continue." });
    }
    return config.enabled;
  });
  if (resume) await triggerAutoTopUp(db, scope, account);
}
