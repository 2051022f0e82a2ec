import { sql } from "drizzle-orm";
import { bigint, check, index, jsonb, pgTable, smallint, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, money, tenantColumns, timestamptz } from "./columns";

/**
 * A balance of one asset. Wallet accounts belong to a customer (`owner` = customer id);
 * system accounts (`owner` = 'system') are the counterparties and are split into shards so
 * one busy revenue account does not serialize every wallet of a platform.
 */
export const ledgerAccounts = pgTable(
  "ledger_accounts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    owner: text("owner").notNull(),
    name: text("name").notNull(),
    assetCode: text("asset_code").notNull(),
    shard: smallint("shard").notNull().default(0),
    /** Cached sum of this account's entries, updated in the same transaction as they are written. */
    balance: money("balance").notNull().default("0"),
    /** Number of entries posted to this account; each entry records the version it produced. */
    version: bigint("version", { mode: "number" }).notNull().default(0),
    /**
     * Set while the customer's auto top-up for this account is on. Locking reads it with the balance,
     * so the after-debit hook decides without a query for every account that has none.
     */
    autoTopUpThreshold: money("auto_top_up_threshold"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("ledger_accounts_key_idx").on(t.platformId, t.liveMode, t.owner, t.name, t.assetCode, t.shard),
  ],
);

/** One movement of one asset between two accounts. Append-only. */
export const ledgerTransfers = pgTable(
  "ledger_transfers",
  {
    id: text("id").primaryKey(),
    ...tenantColumns(),
    /** Caller's idempotency id, namespaced by source (`adj:…`, `evt:…`, `pi:…`); unique forever. */
    idempotencyKey: text("idempotency_key").notNull(),
    category: text("category").notNull(),
    assetCode: text("asset_code").notNull(),
    amount: money("amount").notNull(),
    fromAccountId: bigint("from_account_id", { mode: "number" })
      .notNull()
      .references(() => ledgerAccounts.id),
    toAccountId: bigint("to_account_id", { mode: "number" })
      .notNull()
      .references(() => ledgerAccounts.id),
    customerId: text("customer_id"),
    description: text("description"),
    referenceType: text("reference_type"),
    referenceId: text("reference_id"),
    metadata: jsonb("metadata").$type<Record<string, string>>(),
    /** Hash of the request that created it, to tell a replay from a conflicting reuse of the id. */
    requestHash: text("request_hash"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("ledger_transfers_idem_idx").on(t.platformId, t.liveMode, t.idempotencyKey),
    index("ledger_transfers_reference_idx").on(t.referenceType, t.referenceId),
    check("ledger_transfers_amount_positive", sql`${t.amount} > 0`),
    check("ledger_transfers_distinct_accounts", sql`${t.fromAccountId} <> ${t.toAccountId}`),
  ],
);

/** Two per transfer: the debit (negative) and the credit (positive). Append-only. */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    transferId: text("transfer_id")
      .notNull()
      .references(() => ledgerTransfers.id),
    accountId: bigint("account_id", { mode: "number" })
      .notNull()
      .references(() => ledgerAccounts.id),
    /** Set on wallet entries so a customer's history is one index range. */
    customerId: text("customer_id"),
    assetCode: text("asset_code").notNull(),
    category: text("category").notNull(),
    amount: money("amount").notNull(),
    balanceAfter: money("balance_after").notNull(),
    accountVersion: bigint("account_version", { mode: "number" }).notNull(),
    createdAt: timestamptz("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("ledger_entries_account_version_idx").on(t.accountId, t.accountVersion),
    index("ledger_entries_customer_idx")
      .on(t.customerId, t.createdAt, t.id)
      .where(sql`${t.customerId} IS NOT NULL`),
    index("ledger_entries_customer_category_idx")
      .on(t.customerId, t.category, t.createdAt, t.id)
      .where(sql`${t.customerId} IS NOT NULL`),
    index("ledger_entries_account_time_idx").on(t.accountId, t.createdAt, t.id),
    index("ledger_entries_transfer_idx").on(t.transferId),
  ],
);

