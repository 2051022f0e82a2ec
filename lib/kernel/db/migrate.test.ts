import pg from "pg";
import { describe, expect, it } from "vitest";
import journal from "@/lib/kernel/db/migrations/meta/_journal.json";
import { migrateDatabase } from "./migrate";
import type { Database } from "./types";

const url = process.env.TEST_DATABASE_URL;

function urlOf(database: string): string {
  const parsed = new URL(url!);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function query<T>(target: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

describe.skipIf(!url)("migrateDatabase on Postgres", () => {
  it("applies each migration once when instances start together, and leaves no lock or session setting behind", async () => {
    const name = `migrate_${process.pid}_${Date.now()}`;
    await query(url!, `CREATE DATABASE ${name}`);
    try {
      const target = urlOf(name);
      const database = { kind: "postgres" } as Database;
      await Promise.all([1, 2, 3].map(() => migrateDatabase(database, target)));
      await migrateDatabase(database, target);
      const applied = await query<{ n: string }>(target, "SELECT count(*) AS n FROM drizzle.__drizzle_migrations");
      expect(Number(applied[0]!.n)).toBe(journal.entries.length);
      // A new connection gets JIT off from the database default, with no startup option.
      expect(await query(target, "SHOW jit")).toEqual([{ jit: "off" }]);
      const locks = await query(target, "SELECT objid FROM pg_locks WHERE locktype = 'advisory'");
      expect(locks).toEqual([]);
    } finally {
      await query(url!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });
});
