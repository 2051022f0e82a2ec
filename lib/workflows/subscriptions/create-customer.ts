import type { Db } from "@/lib/kernel/db";
import { customers } from "@/lib/kernel/db/schema";
import { isUniqueViolation, withTransaction } from "@/lib/kernel/db/transaction";
import { ValidationError } from "@/lib/kernel/errors";
import { newId } from "@/lib/kernel/ids";
import type { PlatformScope } from "@/lib/kernel/scope";
import { subscribeCustomer } from "@/lib/workflows/subscriptions/subscribe";
import { openFirstCheckouts } from "@/lib/workflows/subscriptions/first-charge";
import type { CreateCustomerInput } from "@/lib/domain/customers/schemas";
import type { CustomerRow } from "@/lib/domain/customers/customer-store";

const DUPLICATE = "A customer with this external_id already exists.";

/**
 * Creates a customer and, in the same transaction, any subscriptions it asks for.
 * @throws ValidationError for a duplicate external_id or an unknown product.
 */
export async function createCustomer(db: Db, scope: PlatformScope, input: CreateCustomerInput): Promise<CustomerRow> {
  let created: CustomerRow;
  try {
    created = await withTransaction(db, async (tx) => {
      const [row] = await tx
        .insert(customers)
        .values({
          id: newId("customer"),
          ...scope,
          externalId: input.external_id ?? null,
          name: input.name ?? null,
          email: input.email ?? null,
          metadata: input.metadata ?? null,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw ValidationError.field("external_id", DUPLICATE);
      for (const [i, request] of (input.subscriptions ?? []).entries()) {
        await subscribeCustomer(tx, scope, row.id, request, `subscriptions[${i}]`);
      }
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw ValidationError.field("external_id", DUPLICATE);
    throw error;
  }
  // A plan with a fixed price waits for its first payment: its Checkout opens once the customer exists.
  if (input.subscriptions?.length) await openFirstCheckouts(db, { ...scope, customerId: created.id });
  return created;
}
