import type { Tx } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import type { PlatformScope } from "@/lib/scope";
import type { SubscriptionRequest } from "@/lib/customers/schemas";

/**
 * Subscribes a customer to products by code. Products arrive with the catalog; until a code
 * resolves to a published product it is a validation error on that field.
 * @throws ValidationError
 */
export async function subscribeCustomer(
  _tx: Tx,
  _scope: PlatformScope,
  _customerId: string,
  request: SubscriptionRequest,
  field: string,
): Promise<void> {
  const errors: Record<string, string[]> = {};
  request.products.forEach((p, i) => {
    errors[`${field}.products[${i}].code`] = [`Unknown product '${p.code}'.`];
  });
  throw new ValidationError(errors);
}
