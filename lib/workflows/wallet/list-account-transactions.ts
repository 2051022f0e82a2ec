import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { ledgerEntries, ledgerTransfers } from "@/lib/kernel/db/schema";
import type { TransferCategory } from "@/lib/domain/ledger";
import { dec } from "@/lib/kernel/money";
import type { CustomerScope } from "@/lib/kernel/scope";
import { formatAccountId } from "@/lib/domain/wallet/account-id";
import { REASON_BY_CATEGORY } from "@/lib/domain/wallet/categories";
import { getWalletAccountOrThrow } from "@/lib/domain/wallet/get-wallet";

/**
 * One wallet account's movements, newest first, offset-paged. The total is the account's entry
 * count, which the account row already holds, so no count(*) runs over a long history.
 * @throws NotFoundError
 */
export async function listAccountTransactions(
  db: DbOrTx,
  scope: CustomerScope,
  accountId: string,
  paging: { limit: number; offset: number },
) {
  const account = await getWalletAccountOrThrow(db, scope, accountId);
  const rows = await db
    .select({ entry: ledgerEntries, transfer: ledgerTransfers })
    .from(ledgerEntries)
    .innerJoin(ledgerTransfers, eq(ledgerTransfers.id, ledgerEntries.transferId))
    .where(and(eq(ledgerEntries.accountId, account.ledgerId)))
    .orderBy(desc(ledgerEntries.accountVersion))
    .limit(paging.limit)
    .offset(paging.offset);
  const items = rows.map(({ entry, transfer }) => ({
    id: transfer.id,
    account_id: formatAccountId(account.name, account.asset),
    asset: entry.assetCode,
    amount: dec(entry.amount),
    balance_after: dec(entry.balanceAfter),
    category: entry.category,
    reason: transfer.referenceType === "adjustment" ? (REASON_BY_CATEGORY[entry.category as TransferCategory] ?? null) : null,
    description: transfer.description,
    reference: transfer.referenceType ? { type: transfer.referenceType, id: transfer.referenceId } : null,
    metadata: transfer.metadata ?? {},
    created_at: entry.createdAt.toISOString(),
  }));
  return { items, total: account.version };
}
