import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";

/**
 * Row counts of every tenant table (those with a platform_id column) for the given platforms: a
 * before/after snapshot proves a request wrote nothing, even while other suites share the database.
 */
export async function rowCounts(db: DbOrTx, platformIds: string[]): Promise<Record<string, number>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`SELECT table_name AS name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'platform_id' ORDER BY 1`),
  ).map((t) => t.name);
  const ids = sql.join(platformIds.map((id) => sql`${id}`), sql`, `);
  const union = sql.join(
    [
      sql`SELECT 'platforms' AS name, count(*)::int AS n FROM platforms WHERE id IN (${ids})`,
      ...tables.map((t) => sql`SELECT ${t}::text AS name, count(*)::int AS n FROM ${sql.identifier(t)} WHERE platform_id IN (${ids})`),
    ],
    sql` UNION ALL `,
  );
  const rows = rowsOf<{ name: string; n: number | string }>(await db.execute(union));
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}

/**
 * Every tenant row of the given platforms, hashed per table (count and content): a before/after
 * snapshot proves a request changed nothing, updates included. A portal session's last_seen_at is
 * left out: reading with a session touches it.
 */
export async function tenantFingerprint(db: DbOrTx, platformIds: string[]): Promise<Record<string, string>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`SELECT table_name AS name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'platform_id' ORDER BY 1`),
  ).map((t) => t.name);
  const ids = sql.join(platformIds.map((id) => sql`${id}`), sql`, `);
  const row = (alias: string) => sql`(to_jsonb(${sql.identifier(alias)}) - 'last_seen_at')::text`;
  const union = sql.join(
    [
      sql`SELECT 'platforms' AS name, count(*) || ':' || coalesce(md5(string_agg(${row("p")}, ',' ORDER BY ${row("p")})), '') AS h FROM platforms p WHERE id IN (${ids})`,
      ...tables.map(
        (t) => sql`SELECT ${t}::text AS name, count(*) || ':' || coalesce(md5(string_agg(${row("t")}, ',' ORDER BY ${row("t")})), '') AS h
          FROM ${sql.identifier(t)} t WHERE platform_id IN (${ids})`,
      ),
    ],
    sql` UNION ALL `,
  );
  const rows = rowsOf<{ name: string; h: string }>(await db.execute(union));
  return Object.fromEntries(rows.map((r) => [r.name, r.h]));
}
