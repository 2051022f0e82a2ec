import { sql, type SQL } from "drizzle-orm";
import { pgArray as arr } from "@/lib/kernel/db/arrays";
import { dec, type Decimal } from "@/lib/kernel/money";
import { SYSTEM_OWNER } from "./accounts";
import type { EntryRow } from "./entries";

/**
 * The order usage eats credit grants (docs/credits.md): promotional, then bundled, then paid; within a
 * purpose the earliest expiry first (never-expiring last), then the oldest. One definition, used by
 * consumption and by every listing that shows grants "in consumption order".
 */
export const GRANT_CONSUMPTION_ORDER = sql.raw(
  `CASE purpose WHEN 'promotional' THEN 0 WHEN 'bundled' THEN 1 ELSE 2 END, expires_at NULLS LAST, effective_at, id`,
);

/** Categories that take a specific grant's remainder themselves instead of eating grants in order. */
const TARGETED = new Set(["grant_expiry"]);

/** Per wallet account: the total debited by this posting that consumes grants. */
function debitsByAccount(entries: EntryRow[]): Map<number, Decimal> {
  const debits = new Map<number, Decimal>();
  for (const e of entries) {
    if (e.account.owner === SYSTEM_OWNER || !e.amount.lt(0) || TARGETED.has(e.category)) continue;
    debits.set(e.account.id, (debits.get(e.account.id) ?? dec("0")).minus(e.amount));
  }
  return debits;
}

/**
 * A CTE (with a leading comma) lowering the remaining amounts of the debited accounts' grants in
 * consumption order, to the last unit; empty SQL when nothing consumes. It runs in the statement that
 * writes the entries, under the accounts' row locks, so ingest gains no round trip. A debit larger
 * than the grants leaves them at zero and the rest comes out of the ungranted remainder.
 */
export function consumeGrantsCte(entries: EntryRow[], guard: SQL): SQL {
  const debits = debitsByAccount(entries);
  if (debits.size === 0) return sql``;
  const ids = [...debits.keys()];
  return sql`, grants_used AS (
      UPDATE credit_grants AS g SET remaining = g.remaining - c.take
      FROM (
        SELECT cg.id, least(cg.remaining, greatest(d.debit - (sum(cg.remaining) OVER w - cg.remaining), 0)) AS take
        FROM credit_grants cg
        JOIN unnest(${arr(ids, "bigint")}, ${arr(ids.map((id) => debits.get(id)!.toString()), "numeric")}) AS d(account_id, debit)
          ON cg.account_id = d.account_id
        WHERE cg.remaining > 0
        WINDOW w AS (PARTITION BY cg.account_id ORDER BY ${GRANT_CONSUMPTION_ORDER} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
      ) AS c
      WHERE g.id = c.id AND c.take > 0 AND ${guard}
    )`;
}
