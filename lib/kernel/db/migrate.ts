import path from "node:path";
import type { Database } from "./types";

const MIGRATIONS_FOLDER = path.join(process.cwd(), "lib", "kernel", "db", "migrations");

// Any constant works; it only has to be the same for every Billfold instance sharing a database.
const MIGRATION_LOCK_ID = 7_342_118_905;

/**
 * Applies committed migrations. On Postgres an advisory lock on a dedicated connection keeps
 * several instances starting at once from migrating concurrently.
 */
export async function migrateDatabase(database: Database, url?: string): Promise<void> {
  if (database.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const pg = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const client = new pg.default.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}
