import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { customers, ledgerAccounts } from "@/lib/kernel/db/schema";
import { NotFoundError } from "@/lib/kernel/errors";
import { isId } from "@/lib/kernel/ids";
import { dec, type Decimal } from "@/lib/kernel/money";
import { inScope, type CustomerScope, type PlatformScope } from "@/lib/kernel/scope";
import { DEFAULT_ACCOUNT, formatAccountId, parseAccountId } from "./account-id";
import { activeHoldsSql, pendingTopUpsSql } from "./pending";

export interface WalletAccount {
  id: string;
  name: string;
  asset: string;
  /** The balance less active holds: what the customer can still spend. */
  available: Decimal;
  /** Reserved by active holds (pending_out). */
  held: Decimal;
  /** Internal ledger account id, never exposed. */
  ledgerId: number;
  version: number;
}

function toWalletAccount(row: typeof ledgerAccounts.$inferSelect, heldText: string | null): WalletAccount {
  const held = dec(heldText ?? "0");
  return {
    id: formatAccountId(row.name, row.assetCode),
    name: row.name,
    asset: row.assetCode,
    available: dec(row.balance).minus(held),
    held,
    ledgerId: row.id,
    version: row.version,
  };
}

/** The customer's wallet accounts, one per asset (and account name). The customer must exist in scope. */
export async function listWalletAccounts(db: DbOrTx, scope: CustomerScope): Promise<WalletAccount[]> {
  const rows = await db
    .select({ account: ledgerAccounts, held: activeHoldsSql() })
    .from(ledgerAccounts)
    .where(and(inScope(ledgerAccounts, scope), eq(ledgerAccounts.owner, scope.customerId)))
    .orderBy(asc(ledgerAccounts.createdAt), asc(ledgerAccounts.id));
  return rows.map((r) => toWalletAccount(r.account, r.held));
}

/** The customer's account `name:asset`, by the ledger's account key. */
function accountWhere(scope: CustomerScope, ref: { name: string; asset: string }): SQL | undefined {
  return and(inScope(ledgerAccounts, scope), eq(ledgerAccounts.owner, scope.customerId), eq(ledgerAccounts.name, ref.name), eq(ledgerAccounts.assetCode, ref.asset));
}

export async function findWalletAccount(db: DbOrTx, scope: CustomerScope, accountId: string): Promise<WalletAccount | null> {
  const [row] = await db
    .select({ account: ledgerAccounts, held: activeHoldsSql() })
    .from(ledgerAccounts)
    .where(accountWhere(scope, parseAccountId(accountId)))
    .limit(1);
  return row ? toWalletAccount(row.account, row.held) : null;
}

/**
 * The account a portal request names: the customer's default account of any asset (it may not exist
 * before the first top-up), or another of the customer's accounts only when it exists. The portal
 * must not open new named accounts, and an unknown name answers like another customer's: 404.
 * @throws NotFoundError
 */
export async function ownAccountRef(db: DbOrTx, scope: CustomerScope, accountId: string): Promise<{ name: string; asset: string }> {
  const ref = parseAccountId(accountId);
  if (ref.name !== DEFAULT_ACCOUNT && !(await findWalletAccount(db, scope, accountId))) throw new NotFoundError("Account");
  return ref;
}

/** @throws NotFoundError */
export async function getWalletAccountOrThrow(db: DbOrTx, scope: CustomerScope, accountId: string): Promise<WalletAccount> {
  const account = await findWalletAccount(db, scope, accountId);
  if (!account) throw new NotFoundError("Account");
  return account;
}

function accountRefOrNull(accountId: string): { name: string; asset: string } | null {
  try {
    return parseAccountId(accountId);
  } catch {
    return null;
  }
}

/**
 * One customer's account with its funds in flight: initiated top-ups (pending_in) and holds
 * (pending_out). The API's most frequent read, so customer, account and pending sum come back from
 * one statement: one round trip, and on the embedded database one query on its single thread.
 * @throws NotFoundError for an unknown customer (checked first) or account
 */
export async function getWalletAccountDetail(db: DbOrTx, scope: PlatformScope, customerId: string, accountId: string) {
  if (!isId("customer", customerId)) throw new NotFoundError("Customer");
  const owned = { ...scope, customerId };
  const ref = accountRefOrNull(accountId);
  const [row] = await db
    .select({
      account: ledgerAccounts,
      pendingIn: ref ? pendingTopUpsSql(owned, ref.name, ref.asset) : sql<null>`NULL`,
      held: activeHoldsSql(),
    })
    .from(customers)
    .leftJoin(ledgerAccounts, ref ? accountWhere(owned, ref) : sql`false`)
    .where(and(inScope(customers, scope), eq(customers.id, customerId)))
    .limit(1);
  if (!row) throw new NotFoundError("Customer");
  if (!row.account) throw new NotFoundError("Account");
  const account = toWalletAccount(row.account, row.held);
  return { ...account, pendingIn: dec(row.pendingIn ?? "0"), pendingOut: account.held };
}
