import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Database, Db } from "./types";
import * as schema from "@/lib/kernel/db/schema";
import { registerKind } from "./kind";
import { migrateDatabase } from "./migrate";
import { sharedParsersClient, TEXT_PARSERS } from "./pglite-client";

export interface OpenOptions {
  /** postgres:// URL; without it an embedded PGlite is used. */
  url?: string;
  /** PGlite data directory; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  /** A PGlite data directory tarball (dumpDataDir) to start from instead of an empty database. */
  loadDataDir?: Blob;
  /** Connection pool size for Postgres. */
  poolSize?: number;
  migrate?: boolean;
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  // relaxedDurability stays off: a committed ledger row must survive a crash.
  const client = await PGlite.create({ dataDir, loadDataDir, relaxedDurability: false, parsers: TEXT_PARSERS });
  const db = drizzle({ client: sharedParsersClient(client), schema, casing: "snake_case" }) as unknown as Db;
  return { db, kind: "pglite", close: () => client.close() };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pg = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  // NUMERIC arrives as text already; keep int8 (bigint) as text too and let columns decide. No startup
  // options or session settings: a connection may be any server connection behind PgBouncer (JIT is
  // turned off as a database default by migrateDatabase).
  const pool = new pg.default.Pool({ connectionString: url, max: poolSize });
  pool.on("error", () => undefined);
  // pg-pool drops its error listener while a client is checked out; a connection cut then (a Postgres
  // restart mid-transaction) would be an uncaught exception. The query in flight still fails and the
  // client is discarded on release, so the caller sees an ordinary error and retries.
  pool.on("connect", (client) => client.on("error", () => undefined));
  const db = drizzle({ client: pool, schema, casing: "snake_case" }) as unknown as Db;
  return { db, kind: "postgres", close: () => pool.end() };
}

/** Opens (and by default migrates) the database selected by the options. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  const database = options.url
    ? await openPostgres(options.url, options.poolSize ?? 20)
    : await openPglite(options.dataDir ?? path.join(".data", "pglite"), options.loadDataDir);
  registerKind(database.db, database.kind);
  if (options.migrate !== false) await migrateDatabase(database, options.url);
  return database;
}
