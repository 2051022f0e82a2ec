import { integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { money, tenantColumns, timestamptz } from "./columns";

/**
 * Usage fees summed per customer, account, product and 15-minute slot, kept in the transaction that
 * stores the fees. Spend charts and "spent this month" read these instead of every fee; every
 * timezone's offset is a multiple of 15 minutes, so local days and months are still exact.
 */
export const spendRollups = pgTable(
  "spend_rollups",
  {
    ...tenantColumns(),
    customerId: text("customer_id").notNull(),
    accountName: text("account_name").notNull(),
    assetCode: text("asset_code").notNull(),
    productId: text("product_id").notNull(),
    productName: text("product_name").notNull(),
    bucketStart: timestamptz("bucket_start").notNull(),
    amount: money("amount").notNull(),
    fees: integer("fees").notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.assetCode, t.bucketStart, t.productId, t.accountName] })],
);
