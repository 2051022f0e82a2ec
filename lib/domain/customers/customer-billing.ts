import { z } from "zod";
import type { DbOrTx } from "@/lib/kernel/db";
import { customers } from "@/lib/kernel/db/schema";
import { and, eq } from "drizzle-orm";
import { getCustomerOrThrow, type CustomerRow } from "@/lib/domain/customers/customer-store";
import { inScope, type PlatformScope } from "@/lib/kernel/scope";
import { billingDetailsSchema, saveBillingDetails } from "./billing-details";

/** PATCH /customers/:customerId: set the billing details (null removes them). */
export const updateCustomerSchema = z.strictObject({ billing_details: billingDetailsSchema.nullable() });

/** @throws NotFoundError */
export async function updateCustomer(db: DbOrTx, scope: PlatformScope, customerId: string, input: z.output<typeof updateCustomerSchema>): Promise<CustomerRow> {
  const customer = await getCustomerOrThrow(db, scope, customerId);
  const customerScope = { ...scope, customerId: customer.id };
  if (input.billing_details) await saveBillingDetails(db, customerScope, input.billing_details);
  else await db.update(customers).set({ billingDetails: null }).where(and(inScope(customers, scope), eq(customers.id, customer.id)));
  return getCustomerOrThrow(db, scope, customer.id);
}
