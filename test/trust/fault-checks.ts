import { sql } from "drizzle-orm";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { findLedgerViolations } from "@/lib/domain/ledger";
import { callApi } from "@/test/support/api-client";
import type { StripeStub } from "@/test/support/stripe-stub/stripe-stub";
import type { FaultWorld } from "./fault-world";

const START_BALANCE = 50;

/**
 * What must hold after a fault run has recovered, as a list of violations (empty = consistent):
 * ledger invariants; every succeeded PaymentIntent credited exactly once and nothing else credited;
 * every sent event stored once and debited at most once, for exactly its fees; every debit applied at
 * most once; no auto top-up attempt left open; the balance equal to what the provider and the
 * acknowledged requests say it must be.
 */
export async function faultRunViolations(database: Database, stub: StripeStub, w: FaultWorld): Promise<string[]> {
  const db = database.db;
  const out = (await findLedgerViolations(db, w.platformId)).map((v) => `ledger: ${v}`);
  const paid = [...stub.state.intents.values()].filter((i) => i.customer === w.providerCustomerId && i.status === "succeeded");
  const credits = rowsOf<{ key: string; n: number }>(
    await db.execute(sql`SELECT idempotency_key AS key, count(*)::int AS n FROM ledger_transfers
      WHERE platform_id = ${w.platformId} AND idempotency_key LIKE 'pi:%' GROUP BY idempotency_key`),
  );
  const creditCount = new Map(credits.map((c) => [c.key, c.n]));
  for (const intent of paid) {
    const n = creditCount.get(`pi:${intent.id}`) ?? 0;
    if (n !== 1) out.push(`PaymentIntent ${intent.id} credited ${n} times`);
  }
  if (credits.length !== paid.length) out.push(`${credits.length} PaymentIntents credited, ${paid.length} paid`);

  const [events] = rowsOf<{ stored: number; distinct_ids: number; twice: number; fee_gap: number }>(
    await db.execute(sql`SELECT count(*)::int AS stored, count(DISTINCT e.id)::int AS distinct_ids,
      count(*) FILTER (WHERE coalesce(t.c, 0) > 1)::int AS twice,
      count(*) FILTER (WHERE coalesce(f.s, 0) <> coalesce(t.s, 0))::int AS fee_gap
      FROM events e
      LEFT JOIN (SELECT event_pk, sum(amount) s FROM event_fees WHERE platform_id = ${w.platformId} GROUP BY event_pk) f ON f.event_pk = e.pk
      LEFT JOIN (SELECT reference_id, sum(amount) s, count(*) c FROM ledger_transfers
        WHERE platform_id = ${w.platformId} AND category = 'usage_fee' GROUP BY reference_id) t ON t.reference_id = e.id
      WHERE e.platform_id = ${w.platformId}`),
  );
  if (events!.stored !== w.eventIds.length || events!.distinct_ids !== w.eventIds.length) {
    out.push(`${w.eventIds.length} events sent, ${events!.stored} stored (${events!.distinct_ids} distinct)`);
  }
  if (events!.twice > 0) out.push(`${events!.twice} events billed twice`);
  if (events!.fee_gap > 0) out.push(`${events!.fee_gap} events debited other than their fees`);

  const [sums] = rowsOf<{ usage: string; debits: string; debit_twice: number; open_attempts: number }>(
    await db.execute(sql`SELECT
      coalesce((SELECT sum(amount) FROM ledger_transfers WHERE platform_id = ${w.platformId} AND category = 'usage_fee'), 0)::text AS usage,
      coalesce((SELECT sum(amount) FROM ledger_transfers WHERE platform_id = ${w.platformId} AND idempotency_key LIKE 'adj:debit-%'), 0)::text AS debits,
      (SELECT count(*) FROM (SELECT idempotency_key FROM ledger_transfers WHERE platform_id = ${w.platformId}
        AND idempotency_key LIKE 'adj:%' GROUP BY idempotency_key HAVING count(*) > 1) d)::int AS debit_twice,
      (SELECT count(*) FROM auto_top_up_attempts WHERE customer_id = ${w.customerId} AND status IN ('pending', 'processing'))::int AS open_attempts`),
  );
  if (sums!.debit_twice > 0) out.push(`${sums!.debit_twice} adjustments applied twice`);
  if (sums!.open_attempts > 0) out.push(`${sums!.open_attempts} auto top-up attempts left open (orphans)`);

  // Cents from the provider, amounts from the ledger: all exact in integers of cents.
  const cents = (text: string) => Math.round(Number(text) * 100);
  const paidCents = paid.reduce((s, i) => s + Number(i.amount), 0);
  const expected = START_BALANCE * 100 + paidCents - cents(sums!.debits) - cents(sums!.usage);
  const balance = await callApi("GET", `/api/v1/customers/${w.customerId}/wallet/default:USD`, { key: w.key });
  const actual = Math.round(Number(balance.json.available) * 100);
  if (actual !== expected) out.push(`balance ${actual / 100}, provider and requests say ${expected / 100}`);
  return out;
}
