import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "./types";

const MIGRATIONS_FOLDER = path.join(process.cwd(), "lib", "kernel", "db", "migrations");

// Any constant works; it only has to be the same for every Billfold instance sharing a database.
const MIGRATION_LOCK_ID = 7_342_118_905;

// JIT off for every connection: it kicks in on cost estimates, not on work (a generate_series is guessed
// at 1,000 rows), and compiling costs 15–20 ms on portal queries that run in 2. A database default rather
// than a startup option, which PgBouncer refuses. Without the right to alter the database it stays as it is.
const JIT_OFF = sql`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
  EXCEPTION WHEN insufficient_privilege THEN NULL; END $$`;

/**
 * Applies committed migrations. On Postgres all of it is one transaction that first takes a
 * transaction-level advisory lock, so instances starting at once migrate one after the other, and
 * nothing outlives the transaction: it works the same through PgBouncer's transaction pooling.
 */
export async function migrateDatabase(database: Database, url?: string): Promise<void> {
  if (database.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const pg = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { readMigrationFiles } = await import("drizzle-orm/migrator");
  const { PgDialect } = await import("drizzle-orm/pg-core");
  const client = new pg.default.Client({ connectionString: url });
  await client.connect();
  try {
    const db = drizzle({ client });
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_ID})`);
      // drizzle's migrator reads the applied list and then opens its own transaction: here a savepoint in this one.
      const session = { execute: (q: never) => tx.execute(q), all: async (q: never) => (await tx.execute(q)).rows, transaction: (fn: never) => tx.transaction(fn) };
      await new PgDialect().migrate(readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }), session as never, { migrationsFolder: MIGRATIONS_FOLDER });
      await tx.execute(JIT_OFF);
    });
  } finally {
    await client.end();
  }
}
