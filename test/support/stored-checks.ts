import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { jsonDepth } from "@/lib/kernel/json";

/**
 * Σ fees of the platform's billed events and Σ of its usage debits, in the database's own arithmetic:
 * what was accepted must be what was debited, even when every answer was a 2xx.
 */
export async function feesAndDebits(db: DbOrTx, platformId: string): Promise<{ fees: string; debits: string }> {
  const [row] = rowsOf<{ fees: string; debits: string }>(
    await db.execute(sql`SELECT
      (SELECT coalesce(sum(f.amount), 0)::text FROM event_fees f JOIN events e ON e.pk = f.event_pk
        WHERE f.platform_id = ${platformId} AND e.status = 'billed') AS fees,
      (SELECT coalesce(sum(amount), 0)::text FROM ledger_transfers WHERE platform_id = ${platformId} AND category = 'usage_fee') AS debits`),
  );
  return row!;
}

/**
 * Stored free-form data deeper or larger than the door lets through: data nested 4,000 levels deep was
 * once stored, and from then on the platform's events could not be read.
 */
export async function oversizedEventData(db: DbOrTx, platformId: string, shape = { maxDepth: 16, maxBytes: 32_768 }): Promise<string[]> {
  const rows = rowsOf<{ id: string; data: string }>(await db.execute(sql`SELECT id, data::text AS data FROM events WHERE platform_id = ${platformId}`));
  return rows.filter((r) => jsonDepth(r.data, shape.maxDepth) > shape.maxDepth || Buffer.byteLength(r.data) > shape.maxBytes).map((r) => r.id);
}
