import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";

/**
 * Checks the ledger's guarantees over everything stored (or one platform) and returns each
 * violation as text; an empty list means the ledger is sound. Used by tests and benchmark gates.
 */
export async function findLedgerViolations(db: DbOrTx, platformId?: string): Promise<string[]> {
  const scoped = platformId ? sql`AND platform_id = ${platformId}` : sql``;
  // Entries carry no index on platform_id: naming the platform's accounts as well lets a check of one
  // platform read that platform's entries by account, not every platform's (the nightly model test
  // checks after every step while the tables fill with hundreds of platforms).
  const entriesScoped = platformId
    ? sql`AND platform_id = ${platformId} AND account_id IN (SELECT id FROM ledger_accounts WHERE platform_id = ${platformId})`
    : sql``;
  const checks: { label: string; query: ReturnType<typeof sql> }[] = [
    {
      label: "platform-asset balances do not sum to zero",
      query: sql`SELECT platform_id || '/' || live_mode || '/' || asset_code AS k, sum(balance)::text AS v
        FROM ledger_accounts WHERE true ${scoped} GROUP BY platform_id, live_mode, asset_code HAVING sum(balance) <> 0`,
    },
    {
      label: "account balance or version differs from its entries",
      query: sql`SELECT a.id::text AS k, a.balance::text || ' vs ' || coalesce(e.s, 0)::text AS v
        FROM ledger_accounts a LEFT JOIN (SELECT account_id, sum(amount) s, count(*) n, max(account_version) m
          FROM ledger_entries WHERE true ${entriesScoped} GROUP BY account_id) e ON e.account_id = a.id
        WHERE (a.balance <> coalesce(e.s, 0) OR a.version <> coalesce(e.n, 0) OR a.version <> coalesce(e.m, 0)) ${platformId ? sql`AND a.platform_id = ${platformId}` : sql``}`,
    },
    {
      label: "transfer does not have exactly two balanced entries on its own accounts",
      query: sql`SELECT t.id AS k, coalesce(count(e.id), 0)::text AS v FROM ledger_transfers t
        LEFT JOIN ledger_entries e ON e.transfer_id = t.id WHERE true ${platformId ? sql`AND t.platform_id = ${platformId}` : sql``}
        GROUP BY t.id, t.amount, t.from_account_id, t.to_account_id
        HAVING count(e.id) <> 2 OR coalesce(sum(e.amount), 1) <> 0
          OR bool_or(e.account_id = t.from_account_id AND e.amount = -t.amount) IS NOT TRUE
          OR bool_or(e.account_id = t.to_account_id AND e.amount = t.amount) IS NOT TRUE`,
    },
    {
      label: "entry chain broken (balance_after <> previous + amount)",
      query: sql`SELECT account_id::text || '#' || account_version::text AS k, balance_after::text AS v FROM (
          SELECT account_id, account_version, amount, balance_after,
            lag(balance_after, 1, 0::numeric) OVER (PARTITION BY account_id ORDER BY account_version) AS prev
          FROM ledger_entries WHERE true ${entriesScoped}) c
        WHERE balance_after <> prev + amount`,
    },
    {
      // The grant invariant (docs/credits.md): grants never hold more than a positive balance, so the
      // ungranted remainder (balance − Σ remaining) is never negative while the balance is not.
      label: "credit grants hold more than the wallet's positive balance",
      query: sql`SELECT a.id::text AS k, g.s::text || ' > ' || a.balance::text AS v
        FROM ledger_accounts a JOIN (SELECT account_id, sum(remaining) s FROM credit_grants WHERE true ${scoped} GROUP BY account_id) g ON g.account_id = a.id
        WHERE g.s > greatest(a.balance, 0) ${platformId ? sql`AND a.platform_id = ${platformId}` : sql``}`,
    },
    {
      label: "expired credit grant still has a remainder",
      query: sql`SELECT id AS k, remaining::text AS v FROM credit_grants WHERE expired_at IS NOT NULL AND remaining <> 0 ${scoped}`,
    },
  ];
  const violations: string[] = [];
  for (const check of checks) {
    for (const row of rowsOf<{ k: string; v: string }>(await db.execute(check.query))) {
      violations.push(`${check.label}: ${row.k} (${row.v})`);
    }
  }
  return violations;
}
