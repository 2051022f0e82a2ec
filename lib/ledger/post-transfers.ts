import { sql } from "drizzle-orm";
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

async function insertTransfers(
  tx: Tx,
  scope: PlatformScope,
  inputs: TransferInput[],
  ids: Map<string, AccountState>,
  at: Date | undefined,
) {
  const createdAt = at ? sql`${at.toISOString()}::timestamptz` : sql`now()`;
  const values = inputs.map((t) => {
    const from = ids.get(keyString(accountKey(t.from)))!;
    const to = ids.get(keyString(accountKey(t.to)))!;
    return sql`(${newId("transaction")}, ${scope.platformId}, ${scope.liveMode}, ${t.idempotencyKey}, ${t.category},
      ${t.asset}, ${t.amount.toString()}::numeric, ${from.id}::bigint, ${to.id}::bigint, ${t.customerId}, ${t.description ?? null},
      ${t.reference?.type ?? null}, ${t.reference?.id ?? null}, ${t.metadata ? JSON.stringify(t.metadata) : null}::jsonb,
      ${t.requestHash ?? null}, ${createdAt})`;
  });
  return rowsOf<InsertedRow>(
    await tx.execute(sql`
      INSERT INTO ledger_transfers (id, platform_id, live_mode, idempotency_key, category, asset_code, amount,
        from_account_id, to_account_id, customer_id, description, reference_type, reference_id, metadata, request_hash, created_at)
      VALUES ${sql.join(values, sql`, `)}
      ON CONFLICT (platform_id, live_mode, idempotency_key) DO NOTHING
      RETURNING id, idempotency_key, created_at`),
  );
}

async function existingTransfers(tx: Tx, scope: PlatformScope, keys: string[]) {
  if (keys.length === 0) return new Map<string, PostedTransfer>();
  const rows = rowsOf<InsertedRow & { request_hash: string | null }>(
    await tx.execute(sql`
      SELECT id, idempotency_key, created_at, request_hash FROM ledger_transfers
      WHERE platform_id = ${scope.platformId} AND live_mode = ${scope.liveMode}
        AND idempotency_key IN (${sql.join(keys.map((k) => sql`${k}`), sql`, `)})`),
  );
  return new Map(
    rows.map((r) => [
      r.idempotency_key,
      { idempotencyKey: r.idempotency_key, transferId: r.id, created: false, createdAt: toDate(r.created_at), requestHash: r.request_hash },
    ]),
  );
}

/** Applies the new transfers to the locked balances in order, producing one debit and one credit entry each. */
function buildEntries(created: { input: TransferInput; id: string }[], accounts: Map<string, AccountState>): EntryRow[] {
  const entries: EntryRow[] = [];
  const post = (transferId: string, input: TransferInput, account: AccountState, amount: Decimal) => {
    account.balance = account.balance.plus(amount);
    account.version += 1;
    entries.push({
      transferId,
      account,
      customerId: account.owner === SYSTEM_OWNER ? null : account.owner,
      category: input.category,
      amount,
      balanceAfter: account.balance,
      version: account.version,
    });
  };
  for (const { input, id } of created) {
    post(id, input, accounts.get(keyString(accountKey(input.from)))!, input.amount.negated());
    post(id, input, accounts.get(keyString(accountKey(input.to)))!, input.amount);
  }
  return entries;
}

async function applyBalances(tx: Tx, touched: AccountState[], deltas: Map<number, { delta: Decimal; n: number }>) {
  const values = touched.map((a) => {
    const d = deltas.get(a.id)!;
    return sql`(${a.id}::bigint, ${d.delta.toString()}::numeric, ${d.n}::bigint)`;
  });
  const rows = rowsOf<{ id: string | number; balance: string; version: string | number }>(
    await tx.execute(sql`
      UPDATE ledger_accounts AS a SET balance = a.balance + v.delta, version = a.version + v.n
      FROM (VALUES ${sql.join(values, sql`, `)}) AS v(id, delta, n)
      WHERE a.id = v.id RETURNING a.id, a.balance, a.version`),
  );
  const expected = new Map(touched.map((a) => [a.id, a]));
  for (const r of rows) {
    const a = expected.get(Number(r.id))!;
    // The rows are locked, so the database must agree with what we computed; if not, stop rather than continue wrong.
    if (!dec(r.balance).eq(a.balance) || Number(r.version) !== a.version) {
      throw new LedgerInvariantError(`account ${a.id}: computed ${a.balance.toString()}/${a.version}, stored ${r.balance}/${r.version}`);
    }
  }
}

async function insertEntries(tx: Tx, scope: PlatformScope, entries: EntryRow[], createdAt: Date) {
  const values = entries.map(
    (e) => sql`(${scope.platformId}, ${scope.liveMode}, ${e.transferId}, ${e.account.id}::bigint, ${e.customerId},
      ${e.account.assetCode}, ${e.category}, ${e.amount.toString()}::numeric, ${e.balanceAfter.toString()}::numeric,
      ${e.version}::bigint, ${createdAt.toISOString()}::timestamptz)`,
  );
  await tx.execute(sql`
    INSERT INTO ledger_entries (platform_id, live_mode, transfer_id, account_id, customer_id, asset_code, category,
      amount, balance_after, account_version, created_at)
    VALUES ${sql.join(values, sql`, `)}`);
}

/**
 * Posts transfers inside the caller's transaction: locks the accounts involved, skips any transfer
 * whose idempotency key exists (reported with created=false), writes two entries per new transfer
 * and updates the cached balances. Idempotency keys within one call must be distinct. `at` backdates
 * the rows (demo seed and benchmarks only).
 * @throws LedgerInvariantError if stored balances disagree with the locked ones (never expected).
 */
export async function postTransfers(
  tx: Tx,
  scope: PlatformScope,
  inputs: TransferInput[],
  options: { at?: Date } = {},
): Promise<PostResult> {
  if (inputs.length === 0) return { transfers: [], wallets: [], debited: [] };
  for (const t of inputs) {
    if (!t.amount.gt(0)) throw new LedgerInvariantError(`transfer ${t.idempotencyKey}: amount must be positive`);
    if (t.from.asset !== t.asset || t.to.asset !== t.asset) throw new LedgerInvariantError(`transfer ${t.idempotencyKey}: asset mismatch`);
  }
  const accounts = await lockAccounts(tx, scope, inputs.flatMap((t) => [accountKey(t.from), accountKey(t.to)]));
  const inserted = await insertTransfers(tx, scope, inputs, accounts, options.at);
  const insertedByKey = new Map(inserted.map((r) => [r.idempotency_key, r]));
  const replayed = await existingTransfers(tx, scope, inputs.filter((t) => !insertedByKey.has(t.idempotencyKey)).map((t) => t.idempotencyKey));
  const created = inputs.filter((t) => insertedByKey.has(t.idempotencyKey)).map((input) => ({ input, id: insertedByKey.get(input.idempotencyKey)!.id }));
  const transfers = inputs.map((t): PostedTransfer => {
    const row = insertedByKey.get(t.idempotencyKey);
    if (row) return { idempotencyKey: t.idempotencyKey, transferId: row.id, created: true, createdAt: toDate(row.created_at), requestHash: t.requestHash ?? null };
    return replayed.get(t.idempotencyKey)!;
  });
  if (created.length === 0) return { transfers, wallets: [], debited: [] };

  const entries = buildEntries(created, accounts);
  const deltas = new Map<number, { delta: Decimal; n: number }>();
  for (const e of entries) {
    const d = deltas.get(e.account.id) ?? { delta: dec("0"), n: 0 };
    deltas.set(e.account.id, { delta: d.delta.plus(e.amount), n: d.n + 1 });
  }
  const touched = [...accounts.values()].filter((a) => deltas.has(a.id)).sort((a, b) => a.id - b.id);
  await applyBalances(tx, touched, deltas);
  await insertEntries(tx, scope, entries, toDate(inserted[0]!.created_at));
  const wallets = touched.filter((a) => a.owner !== SYSTEM_OWNER);
  return {
    transfers,
    wallets: wallets.map((a) => ({ ...a })),
    debited: wallets.filter((a) => deltas.get(a.id)!.delta.lt(0)).map((a) => ({ ...a })),
  };
}
