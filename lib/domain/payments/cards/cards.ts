import type { Db } from "@/lib/kernel/db";
import { NotFoundError } from "@/lib/kernel/errors";
import type { CustomerScope } from "@/lib/kernel/scope";
import { findPaymentCustomer } from "@/lib/domain/payments/customers";
import { currentProvider } from "@/lib/domain/payments/select-provider";
import type { PaymentProvider, SavedCard } from "@/lib/domain/payments/provider/types";

export interface CardView extends SavedCard {
  isDefault: boolean;
}

/** The customer's saved cards at the current provider, the default first. @throws PaymentsUnavailableError */
export async function listCards(db: Db, scope: CustomerScope): Promise<{ provider: PaymentProvider; cards: CardView[] }> {
  const provider = currentProvider(db, scope);
  const customer = await findPaymentCustomer(db, scope, provider.kind);
  if (!customer) return { provider, cards: [] };
  const cards = await provider.listCards(scope, customer.providerCustomerId);
  const views = cards.map((c) => ({ ...c, isDefault: c.id === customer.defaultPaymentMethodId }));
  return { provider, cards: views.sort((a, b) => Number(b.isDefault) - Number(a.isDefault)) };
}

/** One of the customer's own cards; any other id is unknown. @throws NotFoundError, PaymentsUnavailableError */
export async function getOwnCardOrThrow(db: Db, scope: CustomerScope, paymentMethodId: string): Promise<CardView> {
  const { cards } = await listCards(db, scope);
  const card = cards.find((c) => c.id === paymentMethodId);
  if (!card) throw new NotFoundError("Payment method");
  return card;
}
