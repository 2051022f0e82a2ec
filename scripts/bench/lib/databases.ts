import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface BenchTarget {
  name: "PGlite" | "Postgres";
  /** Options for lib/kernel/db openDatabase. */
  open: { url?: string; dataDir?: string };
  /** Environment that points a server at the same database. */
  serverEnv: Record<string, string>;
}

const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** A fresh, empty Postgres database named `name` on the local server. */
async function freshPostgres(name: string): Promise<string> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Drops a benchmark's Postgres database and checkpoints, so the next measurement does not share the
 * machine with autovacuum and dirty-buffer writes left over from the previous one.
 */
export async function dropBenchDatabase(label: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS bench_${label} WITH (FORCE)`);
  await client.query("CHECKPOINT");
  await client.end();
}

/** PGlite in a fresh temp dir and a fresh Postgres database; `only` narrows to one (BENCH_DB=pglite|postgres). */
export async function benchTargets(label: string): Promise<BenchTarget[]> {
  const only = process.env.BENCH_DB;
  const out: BenchTarget[] = [];
  if (!only || only === "pglite") {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), `billfold-bench-${label}-`));
    out.push({ name: "PGlite", open: { dataDir: path.join(dataDir, "pglite") }, serverEnv: { BILLFOLD_DATA_DIR: dataDir } });
  }
  if (!only || only === "postgres") {
    const url = await freshPostgres(`bench_${label}`);
    out.push({ name: "Postgres", open: { url }, serverEnv: { DATABASE_URL: url } });
  }
  return out;
}
