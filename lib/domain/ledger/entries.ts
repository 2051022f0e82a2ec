import { sql, type SQL } from "drizzle-orm";
import { pgArray as arr } from "@/lib/kernel/db/arrays";
import { MAX_BALANCE, dec, type Decimal } from "@/lib/kernel/money";
import type { PlatformScope } from "@/lib/kernel/scope";
import { SYSTEM_OWNER, accountKey, keyString } from "./accounts";
import { LedgerInvariantError } from "./errors";
import { consumeGrantsCte } from "./grant-consumption";
import type { AccountState, TransferInput } from "./types";

export interface EntryRow {
  transferId: string;
  /** Null: the transaction's time, the same now() the transfer row takes. */
  createdAt: Date | null;
  account: AccountState;
  customerId: string | null;
  category: string;
  amount: Decimal;
  balanceAfter: Decimal;
  version: number;
}

export interface NewTransfer {
  input: TransferInput;
  id: string;
  createdAt: Date | null;
}

export interface BuiltEntries {
  entries: EntryRow[];
  accounts: Map<number, AccountState>;
  /** The first account the transfers would take beyond ±MAX_BALANCE, if any: then nothing may be posted. */
  beyondLimit: AccountState | null;
}

/**
 * Applies new transfers to copies of the locked balances in order, producing one debit and one
 * credit entry each. The locked states themselves are left untouched.
 */
export function buildEntries(created: NewTransfer[], locked: Map<string, AccountState>): BuiltEntries {
  const accounts = new Map<number, AccountState>();
  const entries: EntryRow[] = [];
  let beyondLimit: AccountState | null = null;
  const post = (transfer: NewTransfer, key: string, amount: Decimal) => {
    const original = locked.get(key)!;
    const account = accounts.get(original.id) ?? accounts.set(original.id, { ...original }).get(original.id)!;
    account.balance = account.balance.plus(amount);
    if (!beyondLimit && account.balance.abs().gt(MAX_BALANCE)) beyondLimit = account;
    account.version += 1;
    entries.push({
      transferId: transfer.id,
      createdAt: transfer.createdAt,
      account,
      customerId: account.owner === SYSTEM_OWNER ? null : account.owner,
      category: transfer.input.category,
      amount,
      balanceAfter: account.balance,
      version: account.version,
    });
  };
  for (const transfer of created) {
    post(transfer, keyString(accountKey(transfer.input.from)), transfer.input.amount.negated());
    post(transfer, keyString(accountKey(transfer.input.to)), transfer.input.amount);
  }
  return { entries, accounts, beyondLimit };
}

/** Per touched account (id order): the balance change and the number of entries. */
export function deltasOf(entries: EntryRow[]): Map<number, { delta: Decimal; n: number }> {
  const deltas = new Map<number, { delta: Decimal; n: number }>();
  for (const e of entries) {
    const d = deltas.get(e.account.id) ?? { delta: dec("0"), n: 0 };
    deltas.set(e.account.id, { delta: d.delta.plus(e.amount), n: d.n + 1 });
  }
  return new Map([...deltas].sort(([a], [b]) => a - b));
}

/**
 * The UPDATE of cached balances and the INSERT of entries, as two CTEs, plus the consumption of credit
 * grants by wallet debits when there are any; `guard` makes all of them conditional.
 */
export function entriesCtes(scope: PlatformScope, entries: EntryRow[], guard: SQL = sql`true`): SQL {
  const deltas = deltasOf(entries);
  const ids = [...deltas.keys()];
  const e = <T>(f: (x: EntryRow) => T) => entries.map(f);
  return sql`updated AS (
      UPDATE ledger_accounts AS a SET balance = a.balance + v.delta, version = a.version + v.n
      FROM unnest(${arr(ids, "bigint")}, ${arr(ids.map((id) => deltas.get(id)!.delta.toString()), "numeric")},
        ${arr(ids.map((id) => deltas.get(id)!.n), "bigint")}) AS v(id, delta, n)
      WHERE a.id = v.id AND ${guard} RETURNING a.id, a.balance, a.version
    ), entries AS (
      INSERT INTO ledger_entries (platform_id, live_mode, transfer_id, account_id, customer_id, asset_code, category,
        amount, balance_after, account_version, created_at)
      SELECT ${scope.platformId}, ${scope.liveMode}, x.transfer_id, x.account_id, x.customer_id, x.asset_code, x.category,
        x.amount, x.balance_after, x.account_version, coalesce(x.created_at, now())
      FROM unnest(${arr(e((x) => x.transferId), "text")}, ${arr(e((x) => x.account.id), "bigint")}, ${arr(e((x) => x.customerId), "text")},
        ${arr(e((x) => x.account.assetCode), "text")}, ${arr(e((x) => x.category), "text")}, ${arr(e((x) => x.amount.toString()), "numeric")},
        ${arr(e((x) => x.balanceAfter.toString()), "numeric")}, ${arr(e((x) => x.version), "bigint")},
        ${arr(e((x) => x.createdAt?.toISOString() ?? null), "timestamptz")})
        AS x(transfer_id, account_id, customer_id, asset_code, category, amount, balance_after, account_version, created_at)
      WHERE ${guard}
    )${consumeGrantsCte(entries, guard)}`;
}

/**
 * The rows are locked, so the balances the database reports after the update must be exactly the
 * ones computed here; any difference means something is wrong, and the transaction is aborted.
 * @throws LedgerInvariantError
 */
export function verifyBalances(expected: Map<number, AccountState>, rows: { id: string | number; balance: string; version: string | number }[]): void {
  if (rows.length !== expected.size) throw new LedgerInvariantError(`updated ${rows.length} of ${expected.size} accounts`);
  for (const r of rows) {
    const a = expected.get(Number(r.id));
    if (!a || !dec(r.balance).eq(a.balance) || Number(r.version) !== a.version) {
      throw new LedgerInvariantError(`account ${r.id}: computed ${a?.balance.toString()}/${a?.version}, stored ${r.balance}/${r.version}`);
    }
  }
}
