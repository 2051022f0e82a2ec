import os from "node:os";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/lib/db/open";
import { databaseName, workerDatabaseName } from "./worker-database";

/**
 * With TEST_DATABASE_URL set, the suite also runs against real Postgres. The schema is rebuilt once
 * per run so a database left by an older checkout cannot disagree with this one's migrations, then
 * copied into one database per worker (see worker-database.ts).
 */
export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  await withClient(url, (client) =>
    client.query("DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS drizzle CASCADE; CREATE SCHEMA public;"),
  );
  const database = await openDatabase({ url, poolSize: 2 });
  await database.close();
  const base = databaseName(url);
  const workers = project.config.maxWorkers || os.availableParallelism();
  await withClient(url, async (client) => {
    for (let id = 1; id <= workers; id++) {
      const copy = pg.escapeIdentifier(workerDatabaseName(base, id));
      await client.query(`DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${copy} TEMPLATE ${pg.escapeIdentifier(base)}`);
    }
  });
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
