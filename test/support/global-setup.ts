import os from "node:os";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/lib/kernel/db/open";
import { writePgliteSnapshot } from "./pglite-snapshot";
import { databaseName, runDatabaseName, runPidOf, workerDatabaseName } from "./worker-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** This run's migrated Postgres database, which each worker copies (worker-database.ts). */
    postgresRun: string;
    /** A tarball of a migrated PGlite data directory, which each PGlite test database loads (pglite-snapshot.ts). */
    pgliteSnapshot: string;
  }
}

/** PGlite is migrated once per run; with TEST_DATABASE_URL set, so is a Postgres database. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const snapshot = await writePgliteSnapshot();
  project.provide("pgliteSnapshot", snapshot.file);
  const dropPostgres = await setupPostgres(project).catch(async (error: unknown) => {
    await snapshot.remove();
    throw error;
  });
  return async () => {
    await snapshot.remove();
    await dropPostgres?.();
  };
}

/**
 * With TEST_DATABASE_URL set, the suite also runs against real Postgres: this run migrates a database of
 * its own from this checkout's migrations, copies it once per worker, and drops them all at the end
 * (and any left by runs that were killed).
 */
async function setupPostgres(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return undefined;
  const base = databaseName(url);
  const run = runDatabaseName(base, process.pid);
  const copies = Array.from({ length: project.config.maxWorkers || os.availableParallelism() }, (_, i) => workerDatabaseName(run, i + 1));
  await withClient(url, async (client) => {
    await dropLeftovers(client, base);
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(run)}`);
  });
  const database = await openDatabase({ url: urlOf(url, run), poolSize: 2 });
  await database.close();
  await withClient(url, async (client) => {
    for (const copy of copies) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(copy)} TEMPLATE ${pg.escapeIdentifier(run)}`);
      // A template copy does not inherit the database defaults migrateDatabase sets.
      await client.query(`ALTER DATABASE ${pg.escapeIdentifier(copy)} SET jit = off`);
    }
  });
  project.provide("postgresRun", run);
  return () => withClient(url, (client) => dropAll(client, [...copies, run]));
}

function urlOf(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Databases of runs whose process is gone (killed before its teardown). */
async function dropLeftovers(client: pg.Client, base: string): Promise<void> {
  const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [`${base}_run`]);
  const gone = rows.map((r) => r.datname).filter((name) => {
    const pid = runPidOf(base, name);
    return pid !== null && !isAlive(pid);
  });
  // Copies first: a template in use by nobody can then be dropped too.
  await dropAll(client, gone.sort((a, b) => b.length - a.length));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function dropAll(client: pg.Client, names: string[]): Promise<void> {
  for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
