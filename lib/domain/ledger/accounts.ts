import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { dec } from "@/lib/kernel/money";
import type { PlatformScope } from "@/lib/kernel/scope";
import { rowsOf } from "@/lib/kernel/db/rows";
import type { AccountRef, AccountState } from "./types";

export const SYSTEM_OWNER = "system";
const SYSTEM_SHARDS = 16;

export interface AccountKey {
  owner: string;
  name: string;
  asset: string;
  shard: number;
}

// The shard of a key never changes; remembering it saves a hash per posting on the ingest path.
const shards = new Map<string, number>();

/** Spreads a customer's counterparty postings over 16 system-account rows so hot revenue rows don't serialize a platform. */
function shardOf(key: string): number {
  let shard = shards.get(key);
  if (shard === undefined) {
    shard = createHash("sha1").update(key).digest()[0]! % SYSTEM_SHARDS;
    if (shards.size >= 100_000) shards.clear();
    shards.set(key, shard);
  }
  return shard;
}

export function accountKey(ref: AccountRef): AccountKey {
  return ref.kind === "wallet"
    ? { owner: ref.customerId, name: ref.name, asset: ref.asset, shard: 0 }
    : { owner: SYSTEM_OWNER, name: ref.name, asset: ref.asset, shard: shardOf(ref.shardKey) };
}

export function keyString(k: AccountKey): string {
  return `${k.owner}\u0000${k.name}\u0000${k.asset}\u0000${k.shard}`;
}

export function stateKey(a: AccountState): string {
  return keyString({ owner: a.owner, name: a.name, asset: a.assetCode, shard: a.shard });
}

/** The keys as four parallel arrays: one parameter per column however many accounts (unnest on the SQL side). */
function keyArrays(keys: AccountKey[]): SQL {
  return sql`unnest(${sql.param(keys.map((k) => k.owner))}::text[], ${sql.param(keys.map((k) => k.name))}::text[],
    ${sql.param(keys.map((k) => k.asset))}::text[], ${sql.param(keys.map((k) => k.shard))}::smallint[]) AS k(owner, name, asset_code, shard)`;
}

async function selectForUpdate(db: DbOrTx, scope: PlatformScope, keys: AccountKey[]): Promise<AccountState[]> {
  const rows = rowsOf<{
    id: string | number;
    owner: string;
    name: string;
    asset_code: string;
    balance: string;
    version: string | number;
    shard: number;
    auto_top_up_threshold: string | null;
  }>(
    await db.execute(sql`
      SELECT a.id, a.owner, a.name, a.asset_code, a.shard, a.balance, a.version, a.auto_top_up_threshold
      FROM ${keyArrays(keys)}
      JOIN ledger_accounts a ON a.owner = k.owner AND a.name = k.name AND a.asset_code = k.asset_code AND a.shard = k.shard
      WHERE a.platform_id = ${scope.platformId} AND a.live_mode = ${scope.liveMode}
      ORDER BY a.id FOR UPDATE OF a`),
  );
  return rows.map((r) => ({
    id: Number(r.id),
    owner: r.owner,
    name: r.name,
    assetCode: r.asset_code,
    shard: r.shard,
    balance: dec(r.balance),
    version: Number(r.version),
    autoTopUpThreshold: r.auto_top_up_threshold === null ? null : dec(r.auto_top_up_threshold),
  }));
}

/**
 * Locks the accounts (creating missing ones) in id order, so concurrent postings to an account
 * serialize and two postings never wait on each other in opposite orders.
 */
export async function lockAccounts(
  db: DbOrTx,
  scope: PlatformScope,
  keys: AccountKey[],
): Promise<Map<string, AccountState>> {
  const unique = [...new Map(keys.map((k) => [keyString(k), k])).values()];
  const found = await selectForUpdate(db, scope, unique);
  const byKey = new Map(found.map((a) => [stateKey(a), a]));
  const missing = unique.filter((k) => !byKey.has(keyString(k)));
  if (missing.length > 0) {
    await db.execute(sql`
      INSERT INTO ledger_accounts (platform_id, live_mode, owner, name, asset_code, shard)
      SELECT ${scope.platformId}, ${scope.liveMode}, k.owner, k.name, k.asset_code, k.shard FROM ${keyArrays(missing)}
      ON CONFLICT (platform_id, live_mode, owner, name, asset_code, shard) DO NOTHING`);
    for (const a of await selectForUpdate(db, scope, missing)) {
      byKey.set(stateKey(a), a);
    }
  }
  return byKey;
}
