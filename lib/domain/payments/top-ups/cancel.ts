import type { Db } from "@/lib/kernel/db";
import { withTransaction } from "@/lib/kernel/db/transaction";
import type { CustomerScope } from "@/lib/kernel/scope";
import { providerOf } from "@/lib/domain/payments/select-provider";
import type { ProviderKind } from "@/lib/domain/payments/provider/types";
import { effectiveStatus, getCustomerTopUpOrThrow, lockTopUp, updateTopUp, type TopUpRow } from "./store";

/**
 * The customer left Checkout without paying. The Checkout Session is expired at the provider first,
 * so it can no longer be paid; if it was paid in the meantime, the payment stands and the webhook
 * completes the top-up.
 * @throws NotFoundError, PaymentProviderUnavailableError
 */
export async function cancelTopUp(db: Db, scope: CustomerScope, id: string): Promise<TopUpRow> {
  const topUp = await getCustomerTopUpOrThrow(db, scope, id);
  if (topUp.status !== "initiated" || topUp.origin === "auto") return topUp;
  if (topUp.checkoutSessionId && effectiveStatus(topUp) === "initiated") {
    const provider = providerOf(db, topUp.provider as ProviderKind, scope);
    if ((await provider.expireCheckout(scope, topUp.checkoutSessionId)) === "complete") return getCustomerTopUpOrThrow(db, scope, id);
  }
  await withTransaction(db, async (tx) => {
    const t = await lockTopUp(tx, id);
    if (t?.status === "initiated") await updateTopUp(tx, id, { status: effectiveStatus(t) === "expired" ? "expired" : "cancelled" });
  });
  return getCustomerTopUpOrThrow(db, scope, id);
}
