import { openDatabase } from "@/lib/db/open";
import type { Database } from "@/lib/db";

export interface TestDatabase {
  name: "pglite" | "postgres";
  open(): Promise<Database>;
}

/** PGlite always; real Postgres as well when TEST_DATABASE_URL is set (CI sets it). */
export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [{ name: "pglite", open: () => openDatabase({ dataDir: "memory://" }) }];
  const url = process.env.TEST_DATABASE_URL;
  // Postgres is migrated once by global-setup; each file only opens a pool.
  if (url) list.push({ name: "postgres", open: () => openDatabase({ url, poolSize: 32, migrate: false }) });
  return list;
}
