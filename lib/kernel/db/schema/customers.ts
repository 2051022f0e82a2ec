import { boolean, index, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, tenantColumns } from "./columns";

export const customers = pgTable(
  "customers",
  {
    id: text("id").primaryKey(),
    ...tenantColumns(),
    externalId: text("external_id"),
    name: text("name"),
    email: text("email"),
    metadata: jsonb("metadata").$type<Record<string, string>>(),
    /** Name or company, address, tax ID and receipt email for invoices; lib/domain/customers/billing-details reads it. */
    billingDetails: jsonb("billing_details").$type<Record<string, unknown>>(),
    /** Set once the customer has a budget or a hold, so ingest screens only their events and no one else's. */
    guarded: boolean("guarded").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("customers_external_id_idx").on(t.platformId, t.liveMode, t.externalId),
    index("customers_list_idx").on(t.platformId, t.liveMode, t.createdAt, t.id),
  ],
);
