import { sql } from "drizzle-orm";
import { env } from "@/lib/kernel/env";
import { log } from "@/lib/kernel/log";
import { getDb } from "./index";
import { openDatabase } from "./open";
import { rowsOf } from "./rows";
import type { Database, Db } from "./types";

// A replica further behind than this is not read from: the portal would show a balance older than a
// customer expects. Checked every PROBE_MS; a replica that cannot be reached is skipped the same way.
const MAX_LAG_S = 5;
const PROBE_MS = 1000;

interface Replica {
  database: Database;
  usable: boolean;
  /** Seconds behind the primary at the last probe (0 when it has replayed all it received). */
  lagS: number | null;
}

const holder = globalThis as typeof globalThis & { __billfoldReplica?: Promise<Replica | null> };

// Replay lag as Postgres defines it for a standby: nothing received is left to replay → 0.
const LAG = sql`SELECT CASE WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
  ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END AS lag_s`;

async function probe(replica: Replica): Promise<void> {
  try {
    const [row] = rowsOf<{ lag_s: string | number | null }>(await replica.database.db.execute(LAG));
    replica.lagS = row?.lag_s === null || row?.lag_s === undefined ? null : Number(row.lag_s);
    replica.usable = replica.lagS !== null && replica.lagS <= MAX_LAG_S;
  } catch (error) {
    if (replica.usable) log.warn("read replica unavailable; reading from the primary", { error });
    replica.usable = false;
    replica.lagS = null;
  }
}

async function openReplica(url: string): Promise<Replica> {
  // Never migrated: a replica follows the primary's schema. A small pool: it serves reads only.
  const database = await openDatabase({ url, poolSize: 10, migrate: false });
  const replica: Replica = { database, usable: false, lagS: null };
  await probe(replica);
  setInterval(() => void probe(replica), PROBE_MS).unref();
  return replica;
}

function replica(): Promise<Replica | null> {
  const url = env().DATABASE_REPLICA_URL;
  holder.__billfoldReplica ??= url ? openReplica(url) : Promise.resolve(null);
  return holder.__billfoldReplica;
}

/**
 * The database to read a portal view from: the replica when one is configured, reachable and close
 * behind, else the primary. `primary` forces the primary (read-your-writes after the customer changed
 * something; lib/domain/portal-sessions/read-primary.ts).
 */
export async function getReadDb(primary: boolean): Promise<Db> {
  if (primary) return getDb();
  const r = await replica();
  return r?.usable ? r.database.db : getDb();
}

/** The replica's lag at its last probe, for /api/health; null without a usable replica. */
export async function replicaLag(): Promise<{ configured: boolean; usable: boolean; lagS: number | null }> {
  const r = await replica();
  return { configured: r !== null, usable: r?.usable ?? false, lagS: r?.lagS ?? null };
}
