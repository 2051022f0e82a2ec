import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { MAX_AMOUNT, MAX_BALANCE } from "@/lib/kernel/money";

/**
 * Checks the ledger's guarantees over everything stored (or one platform) and returns each
 * violation as text; an empty list means the ledger is sound. Used by tests and benchmark gates.
 */
export async function findLedgerViolations(db: DbOrTx, platformId?: string): Promise<string[]> {
  const scoped = platformId ? sql`AND platform_id = ${platformId}` : sql``;
  const accountsScoped = platformId ? sql`AND a.platform_id = ${platformId}` : sql``;
  // Entries are read per account or per transfer (LATERAL, through their indexes), never by a scan of
  // the table: checking one platform then costs that platform's rows, however many others the tables
  // hold (the nightly model test checks after every step while hundreds of platforms accumulate).
  const checks: { label: string; query: ReturnType<typeof sql> }[] = [
    {
      label: "platform-asset balances do not sum to zero",
      query: sql`SELECT platform_id || '/' || live_mode || '/' || asset_code AS k, sum(balance)::text AS v
        FROM ledger_accounts WHERE true ${scoped} GROUP BY platform_id, live_mode, asset_code HAVING sum(balance) <> 0`,
    },
    {
      label: "account balance or version differs from its entries",
      query: sql`SELECT a.id::text AS k, a.balance::text || ' vs ' || coalesce(e.s, 0)::text AS v
        FROM ledger_accounts a CROSS JOIN LATERAL (SELECT sum(amount) s, count(*) n, max(account_version) m
          FROM ledger_entries WHERE account_id = a.id AND platform_id = a.platform_id) e
        WHERE (a.balance <> coalesce(e.s, 0) OR a.version <> e.n OR a.version <> coalesce(e.m, 0)) ${accountsScoped}`,
    },
    {
      label: "transfer does not have exactly two balanced entries on its own accounts",
      query: sql`SELECT t.id AS k, e.n::text AS v FROM ledger_transfers t CROSS JOIN LATERAL (
          SELECT count(*) n, sum(amount) s, bool_or(account_id = t.from_account_id AND amount = -t.amount) AS debit_ok,
            bool_or(account_id = t.to_account_id AND amount = t.amount) AS credit_ok
          FROM ledger_entries WHERE transfer_id = t.id) e
        WHERE (e.n <> 2 OR coalesce(e.s, 1) <> 0 OR e.debit_ok IS NOT TRUE OR e.credit_ok IS NOT TRUE)
          ${platformId ? sql`AND t.platform_id = ${platformId}` : sql``}`,
    },
    {
      label: "entry chain broken (balance_after <> previous + amount)",
      query: sql`SELECT c.account_id::text || '#' || c.account_version::text AS k, c.balance_after::text AS v
        FROM ledger_accounts a CROSS JOIN LATERAL (
          SELECT account_id, account_version, amount, balance_after,
            lag(balance_after, 1, 0::numeric) OVER (ORDER BY account_version) AS prev
          FROM ledger_entries WHERE account_id = a.id AND platform_id = a.platform_id) c
        WHERE c.balance_after <> c.prev + c.amount ${accountsScoped}`,
    },
    {
      // The grant invariant (docs/credits.md): grants never hold more than a positive balance, so the
      // ungranted remainder (balance − Σ remaining) is never negative while the balance is not.
      label: "credit grants hold more than the wallet's positive balance",
      query: sql`SELECT a.id::text AS k, g.s::text || ' > ' || a.balance::text AS v
        FROM ledger_accounts a JOIN (SELECT account_id, sum(remaining) s FROM credit_grants WHERE true ${scoped} GROUP BY account_id) g ON g.account_id = a.id
        WHERE g.s > greatest(a.balance, 0) ${accountsScoped}`,
    },
    {
      // The bounds that keep NUMERIC(38, 12) from overflowing (docs/trust.md): no accepted request may cross them.
      label: "account balance beyond ±10^24",
      query: sql`SELECT id::text AS k, balance::text AS v FROM ledger_accounts WHERE abs(balance) > ${MAX_BALANCE.toFixed()}::numeric ${scoped}`,
    },
    {
      label: "transfer of 10^15 or more",
      query: sql`SELECT id AS k, amount::text AS v FROM ledger_transfers WHERE amount >= ${MAX_AMOUNT.toFixed()}::numeric ${scoped}`,
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
