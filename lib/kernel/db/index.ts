import path from "node:path";
import { env } from "@/lib/kernel/env";
import { openDatabase } from "./open";
import type { Database, Db } from "./types";

export type { Database, DatabaseKind, Db, DbOrTx, Tx } from "./types";

// One database per process, kept on globalThis because Next.js may load this module in several
// bundles, and two PGlite instances on one data directory would corrupt it.
const holder = globalThis as typeof globalThis & { __billfoldDatabase?: Promise<Database> };

/** The process-wide database, opened and migrated on first use. */
export function getDatabase(): Promise<Database> {
  holder.__billfoldDatabase ??= openDatabase({
    url: env().DATABASE_URL,
    dataDir: path.resolve(env().BILLFOLD_DATA_DIR, "pglite"),
  }).catch((error: unknown) => {
    holder.__billfoldDatabase = undefined;
    throw error;
  });
  return holder.__billfoldDatabase;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
