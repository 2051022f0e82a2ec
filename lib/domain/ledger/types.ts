import type { Decimal } from "@/lib/kernel/money";

/** Counterparty accounts every platform has per asset. */
export type SystemAccountName =
  | "funding" // money that came from outside: external top-ups
  | "refunds" // money given back to the customer outside Billfold
  | "payments" // Stripe clearing: top-ups paid through Billfold's payment rails
  | "promotions" // gifts, promotional credits, coupons, included plan credits
  | "revenue" // usage and fixed fees earned
  | "adjustments" // manual corrections and ad-hoc charges
  | "expired"; // credits that expired unused

export type TransferCategory =
  | "top_up"
  | "auto_top_up"
  | "usage_fee"
  | "fixed_fee"
  | "refund"
  | "gift"
  | "promotional"
  | "adjustment"
  | "grant_expiry"
  | "dispute"
  | "plan_credits"
  | "coupon";

export type AccountRef =
  | { kind: "wallet"; customerId: string; name: string; asset: string }
  | { kind: "system"; name: SystemAccountName; asset: string; shardKey: string };

export interface TransferInput {
  /** The transfer's id when the caller needs to know it before posting (it must be new: txn_…). */
  id?: string;
  /** Namespaced caller id (`adj:…`, `evt:…`, `pi:…`): a second transfer with it is never written. */
  idempotencyKey: string;
  category: TransferCategory;
  asset: string;
  /** Strictly positive; direction is from → to. */
  amount: Decimal;
  from: AccountRef;
  to: AccountRef;
  customerId: string | null;
  description?: string | null;
  reference?: { type: string; id: string } | null;
  metadata?: Record<string, string> | null;
  requestHash?: string | null;
  /** Backdates this transfer and its entries (demo seed and benchmarks only); otherwise the transaction's time. */
  at?: Date;
}

export interface AccountState {
  id: number;
  owner: string;
  name: string;
  assetCode: string;
  shard: number;
  balance: Decimal;
  version: number;
  /** The balance below which the customer's auto top-up charges (null: auto top-up is off). */
  autoTopUpThreshold: Decimal | null;
}

export interface PostedTransfer {
  idempotencyKey: string;
  transferId: string;
  /** False when a transfer with this idempotency key already existed; nothing was written. */
  created: boolean;
  createdAt: Date;
  requestHash: string | null;
}

export interface PostResult {
  transfers: PostedTransfer[];
  /** Wallet accounts this posting touched, with their balance after it. */
  wallets: AccountState[];
  /** The subset whose balance went down: what the after-debit hook is told about. */
  debited: AccountState[];
}
