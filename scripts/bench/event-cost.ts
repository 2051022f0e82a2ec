// tsx scripts/bench/event-cost.ts — what one usage event costs the database, on a throwaway Postgres
// cluster of its own (so nothing else writes there): WAL bytes, rows and index entries written,
// commits, and CPU milliseconds (Billfold's own code in this process, without HTTP; the Postgres
// backend), for single events grouped as served and for 100-event requests. Used by docs/scaling.md.
import { sql } from "drizzle-orm";
import { openDatabase } from "../../lib/kernel/db/open";
import { rowsOf } from "../../lib/kernel/db/rows";
import { ingestEvents } from "../../lib/workflows/events/ingest";
import { freePort } from "../free-port.mjs";
import { startOwnCluster } from "../trust/lib/cluster";
import { fixture } from "./ingest/ceilings";
import { postgresCpuMs } from "./lib/cpu";
import { benchEvent } from "./ingest/product";

const cluster = startOwnCluster(await freePort());
const url = await cluster.freshDatabase("event_cost");
const database = await openDatabase({ url, poolSize: 20 });
const f = await fixture(database, 1000);

const STATS = sql`SELECT pg_current_wal_lsn()::text AS lsn, (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database())::text AS commits,
  (SELECT sum(n_tup_ins)::text FROM pg_stat_user_tables) AS inserted, (SELECT sum(n_tup_upd)::text FROM pg_stat_user_tables) AS updated,
  (SELECT sum(n_tup_hot_upd)::text FROM pg_stat_user_tables) AS hot`;
type Stats = { lsn: string; commits: string; inserted: string; updated: string; hot: string };

async function stats(): Promise<Stats & { cpu: number; db: number }> {
  // CPU first: the pool closes connections idle for 10 s, and a backend's CPU time leaves with it.
  const usage = process.cpuUsage();
  const cpu = { cpu: (usage.user + usage.system) / 1000, db: postgresCpuMs("event_cost") };
  // Other backends publish their statistics when idle, at most every 10 s: wait for them.
  await database.db.execute(sql`SELECT pg_stat_force_next_flush()`);
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  const [row] = rowsOf<Stats>(await database.db.execute(STATS));
  return { ...row!, ...cpu };
}

const lsnBytes = (lsn: string) => {
  const [hi, lo] = lsn.split("/").map((h) => BigInt(`0x${h}`));
  return Number((hi! << 32n) + lo!);
};

async function measure(name: string, requests: number, perRequest: number, workers: number): Promise<string> {
  const before = await stats();
  let k = 0;
  const worker = async () => {
    for (let n = k++; n < requests; n = k++) {
      const events = Array.from({ length: perRequest }, (_, i) => benchEvent(`${name}-${n}-${i}`, n + i));
      await ingestEvents(database.db, f.scope, { customer_id: f.customers[(n * 7919) % f.customers.length]!, events });
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  const after = await stats();
  const events = requests * perRequest;
  const per = (a: string, b: string) => ((Number(a) - Number(b)) / events).toFixed(2);
  const wal = ((lsnBytes(after.lsn) - lsnBytes(before.lsn)) / events).toFixed(0);
  return `| ${name} | ${events} | ${wal} | ${per(after.inserted, before.inserted)} | ${per(after.updated, before.updated)} (${per(after.hot, before.hot)} HOT) | ${per(after.commits, before.commits)} | ${((after.cpu - before.cpu) / events).toFixed(3)} | ${((after.db - before.db) / events).toFixed(3)} |`;
}

try {
  await measure("warm-up", 500, 1, 32);
  const rows = [await measure("single events, 32 at a time", 5000, 1, 32), await measure("100-event requests, 16 at a time", 200, 100, 16)];
  process.stdout.write(
    [
      "| workload | events | WAL bytes/event | rows inserted/event | rows updated/event | commits/event | Billfold CPU ms/event (no HTTP) | Postgres CPU ms/event |",
      "|---|---:|---:|---:|---:|---:|---:|---:|",
      ...rows,
      "",
    ].join("\n"),
  );
} finally {
  await database.close();
  cluster.stop();
}
