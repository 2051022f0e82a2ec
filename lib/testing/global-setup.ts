import pg from "pg";
import { openDatabase } from "@/lib/db/open";

/**
 * With TEST_DATABASE_URL set, the suite also runs against real Postgres. The schema is rebuilt once
 * per run so a database left by an older checkout cannot disagree with this one's migrations.
 */
export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS drizzle CASCADE; CREATE SCHEMA public;");
  await client.end();
  const database = await openDatabase({ url, poolSize: 2 });
  await database.close();
}
