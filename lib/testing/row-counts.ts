import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";

/** Row count of every table in the public schema: a before/after snapshot proves a request wrote nothing. */
export async function rowCounts(db: DbOrTx): Promise<Record<string, number>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`),
  ).map((t) => t.name);
  const union = sql.join(
    tables.map((t) => sql`SELECT ${t}::text AS name, count(*)::int AS n FROM ${sql.identifier(t)}`),
    sql` UNION ALL `,
  );
  const rows = rowsOf<{ name: string; n: number | string }>(await db.execute(union));
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}
