import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { paymentCustomers } from "@/lib/kernel/db/schema";
import { getCustomerOrThrow } from "@/lib/domain/customers/customer-store";
import { inScope, type CustomerScope } from "@/lib/kernel/scope";
import type { PaymentProvider, ProviderKind } from "@/lib/domain/payments/provider/types";

export interface PaymentCustomer {
  provider: ProviderKind;
  providerCustomerId: string;
  defaultPaymentMethodId: string | null;
}

function where(scope: CustomerScope, provider: ProviderKind) {
  return and(inScope(paymentCustomers, scope), eq(paymentCustomers.customerId, scope.customerId), eq(paymentCustomers.provider, provider));
}

export async function findPaymentCustomer(db: DbOrTx, scope: CustomerScope, provider: ProviderKind): Promise<PaymentCustomer | null> {
  const [row] = await db.select().from(paymentCustomers).where(where(scope, provider)).limit(1);
  return row ? { provider, providerCustomerId: row.providerCustomerId, defaultPaymentMethodId: row.defaultPaymentMethodId } : null;
}

/**
 * The customer's record at the provider, created on first use. The creation carries an idempotency
 * key derived from the customer, so concurrent first uses end with one provider customer.
 * @throws NotFoundError (customer), PaymentProviderUnavailableError
 */
export async function ensurePaymentCustomer(db: DbOrTx, scope: CustomerScope, provider: PaymentProvider): Promise<PaymentCustomer> {
  const existing = await findPaymentCustomer(db, scope, provider.kind);
  if (existing) return existing;
  const customer = await getCustomerOrThrow(db, scope, scope.customerId);
  const providerCustomerId = await provider.createCustomer({
    scope,
    customerId: customer.id,
    email: customer.email,
    name: customer.name,
    idempotencyKey: `customer:${scope.platformId}:${scope.liveMode}:${customer.id}`,
  });
  await db
    .insert(paymentCustomers)
    .values({ platformId: scope.platformId, liveMode: scope.liveMode, customerId: customer.id, provider: provider.kind, providerCustomerId })
    .onConflictDoNothing();
  return (await findPaymentCustomer(db, scope, provider.kind))!;
}

/** Makes `paymentMethodId` the default card (null: none), or only when the customer has none yet. */
export async function setDefaultPaymentMethod(
  db: DbOrTx,
  scope: CustomerScope,
  provider: ProviderKind,
  paymentMethodId: string | null,
  options: { onlyIfUnset?: boolean } = {},
): Promise<boolean> {
  const rows = await db
    .update(paymentCustomers)
    .set({ defaultPaymentMethodId: paymentMethodId })
    .where(options.onlyIfUnset ? and(where(scope, provider), isNull(paymentCustomers.defaultPaymentMethodId)) : where(scope, provider))
    .returning({ id: paymentCustomers.customerId });
  return rows.length > 0;
}
