import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/kernel/db";
import { pgArray as arr } from "@/lib/kernel/db/arrays";
import { rowsOf } from "@/lib/kernel/db/rows";
import { newId } from "@/lib/kernel/ids";
import type { PlatformScope } from "@/lib/kernel/scope";
import { SYSTEM_OWNER, accountKey, keyString, lockAccounts } from "./accounts";
import { emitBalanceLow } from "./balance-low";
import { buildEntries, deltasOf, entriesCtes, verifyBalances, type EntryRow, type NewTransfer } from "./entries";
import { LedgerInvariantError, LedgerLimitError } from "./errors";
import type { AccountState, PostResult, PostedTransfer, TransferInput } from "./types";

interface Row {
  kind: "t" | "a";
  id: string;
  idempotency_key: string | null;
  created_at: Date | string | null;
  balance: string | null;
  version: string | number | null;
  request_hash?: string | null;
}

const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

/** INSERT of the transfers, skipping existing idempotency keys, in key order so concurrent batches never cross. */
function insertTransfersSql(scope: PlatformScope, planned: NewTransfer[], ids: Map<string, AccountState>) {
  const rows = [...planned].sort((a, b) => (a.input.idempotencyKey < b.input.idempotencyKey ? -1 : a.input.idempotencyKey > b.input.idempotencyKey ? 1 : 0));
  const col = <T>(f: (p: NewTransfer, t: TransferInput) => T) => rows.map((p) => f(p, p.input));
  return sql`INSERT INTO ledger_transfers (id, platform_id, live_mode, idempotency_key, category, asset_code, amount,
      from_account_id, to_account_id, customer_id, description, reference_type, reference_id, metadata, request_hash, created_at)
    SELECT t.id, ${scope.platformId}, ${scope.liveMode}, t.idempotency_key, t.category, t.asset_code, t.amount, t.from_id, t.to_id,
      t.customer_id, t.description, t.reference_type, t.reference_id, t.metadata, t.request_hash, coalesce(t.created_at, now())
    FROM unnest(${arr(col((p) => p.id), "text")}, ${arr(col((_, t) => t.idempotencyKey), "text")},
      ${arr(col((_, t) => t.category), "text")}, ${arr(col((_, t) => t.asset), "text")}, ${arr(col((_, t) => t.amount.toString()), "numeric")},
      ${arr(col((_, t) => ids.get(keyString(accountKey(t.from)))!.id), "bigint")}, ${arr(col((_, t) => ids.get(keyString(accountKey(t.to)))!.id), "bigint")},
      ${arr(col((_, t) => t.customerId), "text")}, ${arr(col((_, t) => t.description ?? null), "text")},
      ${arr(col((_, t) => t.reference?.type ?? null), "text")}, ${arr(col((_, t) => t.reference?.id ?? null), "text")},
      ${arr(col((_, t) => (t.metadata ? JSON.stringify(t.metadata) : null)), "jsonb")}, ${arr(col((_, t) => t.requestHash ?? null), "text")},
      ${arr(col((p) => p.createdAt?.toISOString() ?? null), "timestamptz")})
      AS t(id, idempotency_key, category, asset_code, amount, from_id, to_id, customer_id, description, reference_type, reference_id, metadata, request_hash, created_at)
    ON CONFLICT (platform_id, live_mode, idempotency_key) DO NOTHING
    RETURNING id, idempotency_key, created_at`;
}

/**
 * One statement for the common case where every transfer is new: the transfers, the balances and
 * the entries. If any key already existed the balances and entries are left alone (the guard) and
 * the caller finishes with the transfers that were in fact new.
 */
async function postAllNew(tx: Tx, scope: PlatformScope, planned: NewTransfer[], locked: Map<string, AccountState>, entries: EntryRow[]) {
  return rowsOf<Row>(
    await tx.execute(sql`
      WITH t AS (${insertTransfersSql(scope, planned, locked)}),
        ok AS (SELECT count(*) = ${planned.length} AS all_new FROM t),
        ${entriesCtes(scope, entries, sql`(SELECT all_new FROM ok)`)}
      SELECT 't' AS kind, id, idempotency_key, created_at, NULL::text AS balance, NULL::bigint AS version FROM t
      UNION ALL SELECT 'a', id::text, NULL, NULL, balance::text, version FROM updated`),
  );
}

async function existingTransfers(tx: Tx, scope: PlatformScope, keys: string[]): Promise<Map<string, PostedTransfer>> {
  if (keys.length === 0) return new Map();
  const rows = rowsOf<{ id: string; idempotency_key: string; created_at: Date | string; request_hash: string | null }>(
    await tx.execute(sql`
      SELECT id, idempotency_key, created_at, request_hash FROM ledger_transfers
      WHERE platform_id = ${scope.platformId} AND live_mode = ${scope.liveMode} AND idempotency_key = ANY(${arr(keys, "text")})`),
  );
  return new Map(rows.map((r) => [r.idempotency_key, { idempotencyKey: r.idempotency_key, transferId: r.id, created: false, createdAt: toDate(r.created_at), requestHash: r.request_hash }]));
}

/** Balances and entries for the transfers that turned out new when some keys already existed. */
async function postSome(tx: Tx, scope: PlatformScope, created: NewTransfer[], locked: Map<string, AccountState>) {
  const built = buildEntries(created, locked);
  if (built.beyondLimit) throw new LedgerLimitError(built.beyondLimit);
  if (created.length === 0) return built;
  const rows = rowsOf<{ id: string; balance: string; version: string }>(
    await tx.execute(sql`WITH ${entriesCtes(scope, built.entries)} SELECT id, balance::text AS balance, version FROM updated`),
  );
  verifyBalances(built.accounts, rows);
  return built;
}

function validate(inputs: TransferInput[]): void {
  for (const t of inputs) {
    if (!t.amount.gt(0)) throw new LedgerInvariantError(`transfer ${t.idempotencyKey}: amount must be positive`);
    if (t.from.asset !== t.asset || t.to.asset !== t.asset) throw new LedgerInvariantError(`transfer ${t.idempotencyKey}: asset mismatch`);
  }
}

/**
 * Posts transfers inside the caller's transaction: locks the accounts involved (in id order), skips
 * any transfer whose idempotency key exists (reported with created=false), writes two entries per
 * new transfer, updates the cached balances (checked against the locked ones) and the credit grants
 * the wallet debits consume, and writes `wallet.balance_low` for wallets it takes below their
 * threshold. Two statements when every key is new. Idempotency keys within one call must be distinct. `at` (or a transfer's
 * own `at`) backdates the rows (demo seed and benchmarks only); a transfer's `id` is used when given.
 * @throws LedgerLimitError (422) if a new transfer would take a balance beyond ±MAX_BALANCE; nothing is written.
 * @throws LedgerInvariantError if stored balances disagree with the locked ones (never expected).
 */
export async function postTransfers(tx: Tx, scope: PlatformScope, inputs: TransferInput[], options: { at?: Date } = {}): Promise<PostResult> {
  if (inputs.length === 0) return { transfers: [], wallets: [], debited: [] };
  validate(inputs);
  const locked = await lockAccounts(tx, scope, inputs.flatMap((t) => [accountKey(t.from), accountKey(t.to)]));
  let planned = inputs.map((input) => ({ input, id: input.id ?? newId("transaction"), createdAt: input.at ?? options.at ?? null }));
  let optimistic = buildEntries(planned, locked);
  if (optimistic.beyondLimit) {
    // A replay posts nothing, so it cannot go too far: decide on the transfers that are new.
    const known = await existingTransfers(tx, scope, planned.map((p) => p.input.idempotencyKey));
    planned = planned.filter((p) => !known.has(p.input.idempotencyKey));
    optimistic = buildEntries(planned, locked);
    if (optimistic.beyondLimit) throw new LedgerLimitError(optimistic.beyondLimit);
  }
  const rows = await postAllNew(tx, scope, planned, locked, optimistic.entries);
  const inserted = new Map(rows.filter((r) => r.kind === "t").map((r) => [r.idempotency_key!, r]));
  let built = optimistic;
  const balances = rows.flatMap((r) => (r.kind === "a" ? [{ id: r.id, balance: r.balance!, version: r.version! }] : []));
  if (inserted.size === planned.length) verifyBalances(optimistic.accounts, balances);
  else built = await postSome(tx, scope, planned.filter((p) => inserted.has(p.input.idempotencyKey)), locked);
  const replayed = await existingTransfers(tx, scope, inputs.filter((t) => !inserted.has(t.idempotencyKey)).map((t) => t.idempotencyKey));
  const transfers = inputs.map((t): PostedTransfer => {
    const row = inserted.get(t.idempotencyKey);
    if (!row) return replayed.get(t.idempotencyKey)!;
    return { idempotencyKey: t.idempotencyKey, transferId: row.id, created: true, createdAt: toDate(row.created_at!), requestHash: t.requestHash ?? null };
  });
  const deltas = deltasOf(built.entries);
  const wallets = [...built.accounts.values()].filter((a) => a.owner !== SYSTEM_OWNER).sort((a, b) => a.id - b.id);
  const debited = wallets.filter((a) => deltas.get(a.id)!.delta.lt(0));
  await emitBalanceLow(tx, scope, locked, debited);
  return { transfers, wallets, debited };
}
