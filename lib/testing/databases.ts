import { openDatabase } from "@/lib/db/open";
import type { Database } from "@/lib/db";
import { inject } from "vitest";
import { openPgliteCopy } from "./pglite-snapshot";
import { workerDatabaseUrl } from "./worker-database";

/** Enough for real contention (writers beyond it queue for a connection), small enough to share a server. */
const POOL_SIZE = 16;

export interface TestDatabase {
  name: "pglite" | "postgres";
  open(): Promise<Database>;
}

/**
 * PGlite always; real Postgres as well when TEST_DATABASE_URL is set (CI sets it). TEST_DATABASE_ONLY
 * (`pglite` or `postgres`) keeps one, so a long suite can run per database in separate processes; a
 * file left with no database fails as having no tests instead of passing.
 */
export function testDatabases(): TestDatabase[] {
  // Each PGlite is a fresh in-memory copy of the database global-setup migrated once for the run.
  const snapshot = inject("pgliteSnapshot");
  const list: TestDatabase[] = [{ name: "pglite", open: () => openPgliteCopy(snapshot) }];
  const base = process.env.TEST_DATABASE_URL;
  // Postgres is migrated once per run by global-setup and copied per worker; each file only opens a pool.
  // Two runs side by side (two workers each) stay within Postgres's default 100 connections.
  if (base) {
    const url = workerDatabaseUrl(base, inject("postgresRun"), process.env.VITEST_POOL_ID);
    list.push({ name: "postgres", open: () => openDatabase({ url, poolSize: POOL_SIZE, migrate: false }) });
  }
  const only = process.env.TEST_DATABASE_ONLY;
  return only ? list.filter((d) => d.name === only) : list;
}

export interface OneDatabase {
  /** True when this run has no such database: the suite is registered and reported as skipped. */
  skip: boolean;
  targets: [TestDatabase];
}

/**
 * One database for a suite that only it can run (real connections, or a long run kept per file). Without it
 * the suite still registers, as skipped, so a machine without Postgres reports it skipped rather than failed.
 */
export function onlyDatabase(name: TestDatabase["name"]): OneDatabase {
  const found = testDatabases().find((d) => d.name === name);
  if (found) return { skip: false, targets: [found] };
  const unavailable = (): Promise<Database> => Promise.reject(new Error(`${name} is not configured for this run`));
  return { skip: true, targets: [{ name, open: unavailable }] };
}
