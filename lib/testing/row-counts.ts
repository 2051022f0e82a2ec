import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";

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
