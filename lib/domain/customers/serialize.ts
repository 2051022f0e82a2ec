import { readBillingDetails } from "@/lib/domain/customers/billing-details";
import type { CustomerRow } from "./customer-store";

export function serializeCustomer(row: CustomerRow, subscriptions: unknown[] = []) {
  return {
    id: row.id,
    external_id: row.externalId,
    name: row.name,
    email: row.email,
    metadata: row.metadata ?? {},
    created_at: row.createdAt.toISOString(),
    external_accounts: [],
    billing_details: readBillingDetails(row.billingDetails),
    subscriptions,
  };
}
