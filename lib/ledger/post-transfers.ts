import { sql } from "drizzle-orm";
import { pgArray as arr } from "@/lib/db/arrays";
import type { Tx } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";
import { newId } from "@/lib/ids";
import { dec, type Decimal } from "@/lib/money";
import type { PlatformScope } from "@/lib/scope";
import { SYSTEM_OWNER, accountKey, keyString, lockAccounts } from "./accounts";
import { LedgerInvariantError } from "./errors";
import type { AccountState, PostResult, PostedTransfer, TransferInput } from "./types";

interface InsertedRow {
  id: string;
  idempotency_key: string;
  created_at: Date | string;
}

interface EntryRow {
  transferId: string;
  createdAt: Date;
  account: AccountState;
  customerId: string | null;
  category: string;
  amount: Decimal;
  balanceAfter: Decimal;
  version: number;
}

function toDate(v: Date | string): Date {
  return v instanceof Date ? v : new Date(v);
}


async function insertTransfers(tx: Tx, scope: PlatformScope, inputs: TransferInput[], ids: Map<string, AccountState>, at: Date | undefined) {
  // Inserting in key order means two concurrent batches never wait on each other's keys in opposite orders.
  const rows = [...inputs].sort((a, b) => (a.idempotencyKey < b.idempotencyKey ? -1 : a.idempotencyKey > b.idempotencyKey ? 1 : 0));
  const col = <T>(f: (t: TransferInput) => T) => rows.map(f);
  return rowsOf<InsertedRow>(
    await tx.execute(sql`
      INSERT INTO ledger_transfers (id, platform_id, live_mode, idempotency_key, category, asset_code, amount,
        from_account_id, to_account_id, customer_id, description, reference_type, reference_id, metadata, request_hash, created_at)
      SELECT t.id, ${scope.platformId}, ${scope.liveMode}, t.idempotency_key, t.category, t.asset_code, t.amount, t.from_id, t.to_id,
        t.customer_id, t.description, t.reference_type, t.reference_id, t.metadata, t.request_hash, coalesce(t.created_at, now())
      FROM unnest(${arr(col(() => newId("transaction")), "text")}, ${arr(col((t) => t.idempotencyKey), "text")},
        ${arr(col((t) => t.category), "text")}, ${arr(col((t) => t.asset), "text")}, ${arr(col((t) => t.amount.toString()), "numeric")},
        ${arr(col((t) => ids.get(keyString(accountKey(t.from)))!.id), "bigint")}, ${arr(col((t) => ids.get(keyString(accountKey(t.to)))!.id), "bigint")},
        ${arr(col((t) => t.customerId), "text")}, ${arr(col((t) => t.description ?? null), "text")},
        ${arr(col((t) => t.reference?.type ?? null), "text")}, ${arr(col((t) => t.reference?.id ?? null), "text")},
        ${arr(col((t) => (t.metadata ? JSON.stringify(t.metadata) : null)), "jsonb")}, ${arr(col((t) => t.requestHash ?? null), "text")},
        ${arr(col((t) => (t.at ?? at)?.toISOString() ?? null), "timestamptz")})
        AS t(id, idempotency_key, category, asset_code, amount, from_id, to_id, customer_id, description, reference_type, reference_id, metadata, request_hash, created_at)
      ON CONFLICT (platform_id, live_mode, idempotency_key) DO NOTHING
      RETURNING id, idempotency_key, created_at`),
  );
}

async function existingTransfers(tx: Tx, scope: PlatformScope, keys: string[]) {
  if (keys.length === 0) return new Map<string, PostedTransfer>();
  const rows = rowsOf<InsertedRow & { request_hash: string | null }>(
    await tx.execute(sql`
      SELECT id, idempotency_key, created_at, request_hash FROM ledger_transfers
      WHERE platform_id = ${scope.platformId} AND live_mode = ${scope.liveMode} AND idempotency_key = ANY(${arr(keys, "text")})`),
  );
  return new Map(
    rows.map((r) => [
      r.idempotency_key,
      { idempotencyKey: r.idempotency_key, transferId: r.id, created: false, createdAt: toDate(r.created_at), requestHash: r.request_hash },
    ]),
  );
}

/** Applies the new transfers to the locked balances in order, producing one debit and one credit entry each. */
function buildEntries(created: { input: TransferInput; id: string; createdAt: Date }[], accounts: Map<string, AccountState>): EntryRow[] {
  const entries: EntryRow[] = [];
  const post = ({ id, createdAt }: { id: string; createdAt: Date }, input: TransferInput, account: AccountState, amount: Decimal) => {
    account.balance = account.balance.plus(amount);
    account.version += 1;
    entries.push({
      transferId: id,
      createdAt,
      account,
      customerId: account.owner === SYSTEM_OWNER ? null : account.owner,
      category: input.category,
      amount,
      balanceAfter: account.balance,
      version: account.version,
    });
  };
  for (const transfer of created) {
    post(transfer, transfer.input, accounts.get(keyString(accountKey(transfer.input.from)))!, transfer.input.amount.negated());
    post(transfer, transfer.input, accounts.get(keyString(accountKey(transfer.input.to)))!, transfer.input.amount);
  }
  return entries;
}

/**
 * Updates the cached balances and writes the entries in one statement. The returned balances are
 * checked against the ones computed under the row locks; any difference aborts the transaction.
 */
async function applyEntries(tx: Tx, scope: PlatformScope, touched: AccountState[], entries: EntryRow[]) {
  const deltas = new Map<number, { delta: Decimal; n: number }>();
  for (const e of entries) {
    const d = deltas.get(e.account.id) ?? { delta: dec("0"), n: 0 };
    deltas.set(e.account.id, { delta: d.delta.plus(e.amount), n: d.n + 1 });
  }
  const e = <T>(f: (x: EntryRow) => T) => entries.map(f);
  const rows = rowsOf<{ id: string | number; balance: string; version: string | number }>(
    await tx.execute(sql`
      WITH updated AS (
        UPDATE ledger_accounts AS a SET balance = a.balance + v.delta, version = a.version + v.n
        FROM unnest(${arr(touched.map((a) => a.id), "bigint")}, ${arr(touched.map((a) => deltas.get(a.id)!.delta.toString()), "numeric")},
          ${arr(touched.map((a) => deltas.get(a.id)!.n), "bigint")}) AS v(id, delta, n)
        WHERE a.id = v.id RETURNING a.id, a.balance, a.version
      ), entries AS (
        INSERT INTO ledger_entries (platform_id, live_mode, transfer_id, account_id, customer_id, asset_code, category,
          amount, balance_after, account_version, created_at)
        SELECT ${scope.platformId}, ${scope.liveMode}, x.transfer_id, x.account_id, x.customer_id, x.asset_code, x.category,
          x.amount, x.balance_after, x.account_version, x.created_at
        FROM unnest(${arr(e((x) => x.transferId), "text")}, ${arr(e((x) => x.account.id), "bigint")}, ${arr(e((x) => x.customerId), "text")},
          ${arr(e((x) => x.account.assetCode), "text")}, ${arr(e((x) => x.category), "text")}, ${arr(e((x) => x.amount.toString()), "numeric")},
          ${arr(e((x) => x.balanceAfter.toString()), "numeric")}, ${arr(e((x) => x.version), "bigint")}, ${arr(e((x) => x.createdAt.toISOString()), "timestamptz")})
          AS x(transfer_id, account_id, customer_id, asset_code, category, amount, balance_after, account_version, created_at)
      )
      SELECT id, balance, version FROM updated`),
  );
  const expected = new Map(touched.map((a) => [a.id, a]));
  if (rows.length !== touched.length) throw new LedgerInvariantError(`updated ${rows.length} of ${touched.length} accounts`);
  for (const r of rows) {
    const a = expected.get(Number(r.id))!;
    // The rows are locked, so the database must agree with what we computed; if not, stop rather than continue wrong.
    if (!dec(r.balance).eq(a.balance) || Number(r.version) !== a.version) {
      throw new LedgerInvariantError(`account ${a.id}: computed ${a.balance.toString()}/${a.version}, stored ${r.balance}/${r.version}`);
    }
  }
  return deltas;
}

/**
 * Posts transfers inside the caller's transaction: locks the accounts involved, skips any transfer
 * whose idempotency key exists (reported with created=false), writes two entries per new transfer
 * and updates the cached balances. Idempotency keys within one call must be distinct. `at` (or a
 * transfer's own `at`) backdates the rows (demo seed and benchmarks only).
 * @throws LedgerInvariantError if stored balances disagree with the locked ones (never expected).
 */
export async function postTransfers(tx: Tx, scope: PlatformScope, inputs: TransferInput[], options: { at?: Date } = {}): Promise<PostResult> {
  if (inputs.length === 0) return { transfers: [], wallets: [], debited: [] };
  for (const t of inputs) {
    if (!t.amount.gt(0)) throw new LedgerInvariantError(`transfer ${t.idempotencyKey}: amount must be positive`);
    if (t.from.asset !== t.asset || t.to.asset !== t.asset) throw new LedgerInvariantError(`transfer ${t.idempotencyKey}: asset mismatch`);
  }
  const accounts = await lockAccounts(tx, scope, inputs.flatMap((t) => [accountKey(t.from), accountKey(t.to)]));
  const inserted = await insertTransfers(tx, scope, inputs, accounts, options.at);
  const insertedByKey = new Map(inserted.map((r) => [r.idempotency_key, r]));
  const replayed = await existingTransfers(tx, scope, inputs.filter((t) => !insertedByKey.has(t.idempotencyKey)).map((t) => t.idempotencyKey));
  const created = inputs.flatMap((input) => {
    const row = insertedByKey.get(input.idempotencyKey);
    return row ? [{ input, id: row.id, createdAt: toDate(row.created_at) }] : [];
  });
  const transfers = inputs.map((t): PostedTransfer => {
    const row = insertedByKey.get(t.idempotencyKey);
    if (row) return { idempotencyKey: t.idempotencyKey, transferId: row.id, created: true, createdAt: toDate(row.created_at), requestHash: t.requestHash ?? null };
    return replayed.get(t.idempotencyKey)!;
  });
  if (created.length === 0) return { transfers, wallets: [], debited: [] };

  const entries = buildEntries(created, accounts);
  const touchedIds = new Set(entries.map((e) => e.account.id));
  const touched = [...accounts.values()].filter((a) => touchedIds.has(a.id)).sort((a, b) => a.id - b.id);
  const deltas = await applyEntries(tx, scope, touched, entries);
  const wallets = touched.filter((a) => a.owner !== SYSTEM_OWNER);
  return {
    transfers,
    wallets: wallets.map((a) => ({ ...a })),
    debited: wallets.filter((a) => deltas.get(a.id)!.delta.lt(0)).map((a) => ({ ...a })),
  };
}
