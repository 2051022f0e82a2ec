import { sql } from "drizzle-orm";
import type { Database } from "../../../lib/kernel/db";
import { rowsOf } from "../../../lib/kernel/db/rows";
import { findLedgerViolations } from "../../../lib/domain/ledger/invariants";
import { findRollupDrift } from "../../../lib/workflows/wallet/spend/rollup-check";

export interface GateCheck {
  name: string;
  ok: boolean;
  detail: string;
}

async function one<T>(database: Database, query: ReturnType<typeof sql>): Promise<T> {
  return rowsOf<T>(await database.db.execute(query))[0]!;
}

/**
 * The correctness gate a run must pass for its figures to count: every accepted event stored once,
 * fees = wallet debits (in total, per event and per customer), no event debited twice, a sound ledger.
 */
export async function correctnessGate(database: Database, platformId: string, acceptedIds: string[], inFlightBound: number): Promise<GateCheck[]> {
  const counts = await one<{ events: string; missing: string }>(database, sql`
    SELECT (SELECT count(*) FROM events WHERE platform_id = ${platformId})::text AS events,
      (SELECT count(*) FROM unnest(${sql.param(acceptedIds)}::text[]) AS a(id)
        WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.platform_id = ${platformId} AND e.live_mode = false AND e.id = a.id))::text AS missing`);
  const unanswered = Number(counts.events) - acceptedIds.length;
  const totals = await one<{ fees: string; debits: string; wallets: string }>(database, sql`
    SELECT coalesce((SELECT sum(amount) FROM event_fees WHERE platform_id = ${platformId}), 0)::text AS fees,
      coalesce((SELECT sum(amount) FROM ledger_transfers WHERE platform_id = ${platformId} AND category = 'usage_fee'), 0)::text AS debits,
      coalesce((SELECT -sum(balance) FROM ledger_accounts WHERE platform_id = ${platformId} AND owner <> 'system'), 0)::text AS wallets`);
  const perEvent = await one<{ n: string }>(database, sql`
    SELECT count(*)::text AS n FROM events e
    LEFT JOIN (SELECT event_pk, sum(amount) s FROM event_fees WHERE platform_id = ${platformId} GROUP BY event_pk) f ON f.event_pk = e.pk
    LEFT JOIN (SELECT reference_id, sum(amount) s, count(*) c FROM ledger_transfers
      WHERE platform_id = ${platformId} AND category = 'usage_fee' GROUP BY reference_id) t ON t.reference_id = e.id
    WHERE e.platform_id = ${platformId} AND (coalesce(f.s, 0) <> coalesce(t.s, 0) OR coalesce(t.c, 0) > 1)`);
  const perCustomer = await one<{ n: string }>(database, sql`
    SELECT count(*)::text AS n FROM ledger_accounts a
    LEFT JOIN (SELECT customer_id, sum(amount) s FROM event_fees WHERE platform_id = ${platformId} GROUP BY customer_id) f ON f.customer_id = a.owner
    WHERE a.platform_id = ${platformId} AND a.owner <> 'system' AND a.balance <> -coalesce(f.s, 0)`);
  const violations = await findLedgerViolations(database.db, platformId);
  const drift = await findRollupDrift(database.db, platformId);
  return [
    {
      // Requests still in flight when a run's clock stops are processed without their answers being counted.
      name: "every accepted event stored; the rest only in-flight requests",
      ok: counts.missing === "0" && unanswered >= 0 && unanswered <= inFlightBound,
      detail: `${acceptedIds.length} accepted, ${counts.missing} of them missing, ${counts.events} stored (in flight at most ${inFlightBound})`,
    },
    { name: "sum of fees = sum of wallet debits = -sum of balances", ok: totals.fees === totals.debits && Number(totals.fees) === Number(totals.wallets), detail: `${totals.fees} / ${totals.debits} / ${totals.wallets}` },
    { name: "each event debited once, for exactly its fees", ok: perEvent.n === "0", detail: `${perEvent.n} events differ` },
    { name: "each wallet balance = -its customer's fees", ok: perCustomer.n === "0", detail: `${perCustomer.n} wallets differ` },
    { name: "ledger invariants", ok: violations.length === 0, detail: violations.slice(0, 3).join("; ") || "none violated" },
    { name: "spend rollups = fees", ok: drift.length === 0, detail: drift.length === 0 ? "exact" : `${drift.length} customer/asset pairs drift` },
  ];
}
