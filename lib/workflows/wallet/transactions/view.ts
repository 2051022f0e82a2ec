import type { TransferCategory } from "@/lib/domain/ledger";
import { dec } from "@/lib/kernel/money";
import { formatAccountId } from "@/lib/domain/wallet/account-id";
import { CATEGORY_LABELS } from "@/lib/domain/wallet/categories";

export interface TransactionRow {
  id: string | number;
  created_at: string | Date;
  category: string;
  asset_code: string;
  amount: string;
  balance_after: string;
  account_name: string;
  transfer_id: string;
  description: string | null;
  reference_type: string | null;
  reference_id: string | null;
  /** For a usage fee: when the usage happened (the transaction is dated when it was reported). */
  used_at?: Date | string | null;
}

/** A movement as the portal shows it; amounts are exact decimal strings. */
export interface TransactionView {
  id: string;
  transferId: string;
  createdAt: string;
  category: string;
  categoryLabel: string;
  description: string;
  asset: string;
  accountId: string;
  amount: string;
  balanceAfter: string;
  reference: { type: string; id: string } | null;
  /** When the usage a fee is for happened; null for everything else. */
  usedAt: string | null;
}

export function toTransactionView(r: TransactionRow): TransactionView {
  const label = CATEGORY_LABELS[r.category as TransferCategory] ?? r.category;
  return {
    id: String(r.id),
    transferId: r.transfer_id,
    createdAt: new Date(r.created_at).toISOString(),
    category: r.category,
    categoryLabel: label,
    description: r.description ?? label,
    asset: r.asset_code,
    accountId: formatAccountId(r.account_name, r.asset_code),
    amount: dec(r.amount).toString(),
    balanceAfter: dec(r.balance_after).toString(),
    reference: r.reference_type && r.reference_id ? { type: r.reference_type, id: r.reference_id } : null,
    usedAt: r.used_at ? new Date(r.used_at).toISOString() : null,
  };
}
