import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/kernel/db";
import { paymentCustomers } from "@/lib/kernel/db/schema";
import { cardConfirmed } from "@/lib/domain/payments/auto-top-up/confirm-card";
import { setDefaultPaymentMethod } from "@/lib/domain/payments/customers";
import type { ProviderKind } from "@/lib/domain/payments/provider/types";

export interface CardSetup {
  provider: ProviderKind;
  providerCustomerId: string;
  paymentMethodId: string;
  metadata: Record<string, string>;
}

/**
 * A card was saved through a setup Checkout (Stripe's webhook and the test provider both land here).
 * The first card becomes the default; a card confirmed for auto top-up becomes that account's card.
 */
export async function completeCardSetup(db: Db, setup: CardSetup): Promise<string> {
  const [owner] = await db
    .select()
    .from(paymentCustomers)
    .where(and(eq(paymentCustomers.provider, setup.provider), eq(paymentCustomers.providerCustomerId, setup.providerCustomerId)))
    .limit(1);
  if (!owner) return "unknown_customer";
  const scope = { platformId: owner.platformId, liveMode: owner.liveMode, customerId: owner.customerId };
  await setDefaultPaymentMethod(db, scope, setup.provider, setup.paymentMethodId, { onlyIfUnset: true });
  const { purpose, account_name: name, asset } = setup.metadata;
  if (purpose === "confirm_card" && name && asset) {
    await cardConfirmed(db, scope, { name, asset }, setup.paymentMethodId);
    return "card_confirmed";
  }
  return "card_saved";
}
