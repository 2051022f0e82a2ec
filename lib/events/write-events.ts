import { sql, type SQL } from "drizzle-orm";
import { pgArray as arr } from "@/lib/db/arrays";
import type { Tx } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";
import { stringifyJson } from "@/lib/json";
import type { ProductFee } from "@/lib/pricing";
import type { PlatformScope } from "@/lib/scope";
import { taskCountSql, taskRollupSql } from "@/lib/tasks/rollup-sql";
import { DEFAULT_ACCOUNT } from "@/lib/wallet/account-id";
import type { Candidate, ResolvedCost } from "./types";

const iso = (d: Date) => d.toISOString();

function statusOf(c: Candidate): { status: string; reason: string | null; code: string | null } {
  if (c.rating.status === "billed") return { status: "billed", reason: null, code: null };
  if (c.rating.status === "rating_error") return { status: "rating_error", reason: c.rating.reason, code: "rating_error" };
  return { status: "unbilled", reason: c.rating.reason, code: c.rating.code };
}

function eventsSql(scope: PlatformScope, candidates: Candidate[], backdate: boolean): SQL {
  // Rows go in id order so concurrent batches never wait on each other's ids in opposite orders.
  const rows = [...candidates].sort((a, b) => (a.input.id < b.input.id ? -1 : a.input.id > b.input.id ? 1 : 0));
  const col = <T>(f: (c: Candidate) => T) => rows.map(f);
  const statuses = rows.map(statusOf);
  return sql`INSERT INTO events (platform_id, live_mode, id, customer_id, event_type, occurred_at, subject, description, data,
      status, rating_error, reason_code, created_at)
    SELECT ${scope.platformId}, ${scope.liveMode}, e.id, e.customer_id, e.event_type, e.occurred_at, e.subject, e.description,
      e.data, e.status, e.rating_error, e.reason_code, coalesce(e.created_at, now())
    FROM unnest(${arr(col((c) => c.input.id), "text")}, ${arr(col((c) => c.customerId), "text")}, ${arr(col((c) => c.input.event_type), "text")},
      ${arr(col((c) => iso(c.occurredAt)), "timestamptz")}, ${arr(col((c) => c.input.subject ?? null), "text")},
      ${arr(col((c) => c.input.description ?? null), "text")}, ${arr(col((c) => stringifyJson(c.input.data ?? {})), "jsonb")},
      ${arr(statuses.map((s) => s.status), "text")}, ${arr(statuses.map((s) => s.reason), "text")}, ${arr(statuses.map((s) => s.code), "text")},
      ${arr(col((c) => (backdate ? iso(c.occurredAt) : null)), "timestamptz")})
      AS e(id, customer_id, event_type, occurred_at, subject, description, data, status, rating_error, reason_code, created_at)
    ON CONFLICT (platform_id, live_mode, id) DO NOTHING
    RETURNING pk, id, customer_id, subject, occurred_at`;
}

function feesSql(scope: PlatformScope, candidates: Candidate[], transferId: (c: Candidate, asset: string) => string | null): SQL {
  const rows: { c: Candidate; fee: ProductFee }[] = candidates.flatMap((c) => (c.rating.status === "billed" ? c.rating.fees.map((fee) => ({ c, fee })) : []));
  const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
  const money = (f: (r: (typeof rows)[number]) => { toString(): string } | null) => arr(col((r) => f(r)?.toString() ?? null), "numeric");
  return sql`INSERT INTO event_fees (platform_id, live_mode, event_pk, customer_id, account_name, asset_code, amount, product_id,
      product_code, product_name, product_version, price_id, price_name, dimensions, quantity, unit_price, volume_rate, package_size,
      transfer_id, occurred_at)
    SELECT ${scope.platformId}, ${scope.liveMode}, ev.pk, f.customer_id, f.account_name, f.asset_code, f.amount, f.product_id, f.product_code,
      f.product_name, f.product_version, f.price_id, f.price_name, f.dimensions, f.quantity, f.unit_price, f.volume_rate, f.package_size,
      f.transfer_id, f.occurred_at
    FROM unnest(${arr(col((r) => r.c.input.id), "text")}, ${arr(col((r) => r.c.customerId), "text")}, ${arr(col(() => DEFAULT_ACCOUNT), "text")},
      ${arr(col((r) => r.fee.asset), "text")}, ${money((r) => r.fee.amount)}, ${arr(col((r) => r.fee.product.id), "text")},
      ${arr(col((r) => r.fee.product.code), "text")}, ${arr(col((r) => r.fee.product.name), "text")}, ${arr(col((r) => r.fee.product.version), "int")},
      ${arr(col((r) => r.fee.priceId), "text")}, ${arr(col((r) => r.fee.priceName), "text")}, ${arr(col((r) => JSON.stringify(r.fee.dimensions)), "jsonb")},
      ${money((r) => r.fee.quantity)}, ${money((r) => r.fee.unitPrice)}, ${money((r) => r.fee.volumeRate)}, ${money((r) => r.fee.packageSize)},
      ${arr(col((r) => transferId(r.c, r.fee.asset)), "text")}, ${arr(col((r) => iso(r.c.occurredAt)), "timestamptz")})
      AS f(event_id, customer_id, account_name, asset_code, amount, product_id, product_code, product_name, product_version, price_id,
        price_name, dimensions, quantity, unit_price, volume_rate, package_size, transfer_id, occurred_at)
    JOIN ev ON ev.id = f.event_id
    RETURNING customer_id, account_name, asset_code, product_id, product_name, occurred_at, amount`;
}

/** Adds the new fees to the 15-minute spend rollups (lib/db/schema/rollups.ts), one row per key, in key order. */
function rollupsSql(scope: PlatformScope): SQL {
  const slot = sql`date_bin('15 minutes', fees.occurred_at, TIMESTAMPTZ '2000-01-01 00:00:00+00')`;
  return sql`INSERT INTO spend_rollups (platform_id, live_mode, customer_id, account_name, asset_code, product_id, product_name, bucket_start, amount, fees)
    SELECT ${scope.platformId}, ${scope.liveMode}, customer_id, account_name, asset_code, product_id, max(product_name), ${slot}, sum(amount), count(*)
    FROM fees GROUP BY customer_id, account_name, asset_code, product_id, ${slot}
    ORDER BY customer_id, asset_code, ${slot}, product_id, account_name
    ON CONFLICT (customer_id, asset_code, bucket_start, product_id, account_name)
    DO UPDATE SET amount = spend_rollups.amount + EXCLUDED.amount, fees = spend_rollups.fees + EXCLUDED.fees`;
}

function costsSql(scope: PlatformScope, candidates: Candidate[]): SQL {
  const rows: { c: Candidate; cost: ResolvedCost }[] = candidates.flatMap((c) => c.costs.map((cost) => ({ c, cost })));
  const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
  return sql`INSERT INTO event_costs (platform_id, live_mode, event_pk, customer_id, vendor_id, cost_id, amount, currency, description, metadata, occurred_at)
    SELECT ${scope.platformId}, ${scope.liveMode}, ev.pk, c.customer_id, c.vendor_id, c.cost_id, c.amount, c.currency, c.description, c.metadata, c.occurred_at
    FROM unnest(${arr(col((r) => r.c.input.id), "text")}, ${arr(col((r) => r.c.customerId), "text")}, ${arr(col((r) => r.cost.vendorId), "text")},
      ${arr(col((r) => r.cost.costId), "text")}, ${arr(col((r) => r.cost.amount.toString()), "numeric")}, ${arr(col((r) => r.cost.currency), "text")},
      ${arr(col((r) => r.cost.description), "text")}, ${arr(col((r) => (r.cost.metadata ? JSON.stringify(r.cost.metadata) : null)), "jsonb")},
      ${arr(col((r) => iso(r.c.occurredAt)), "timestamptz")})
      AS c(event_id, customer_id, vendor_id, cost_id, amount, currency, description, metadata, occurred_at)
    JOIN ev ON ev.id = c.event_id`;
}

/**
 * Stores the candidates that are new, with their fees, costs, spend and task rollups, in one statement, and returns the
 * new events' internal keys by id. An id the platform already used (earlier, or concurrently) is
 * skipped by the unique index, and so are its fees and costs. Fees point at the transfers that will
 * debit them (`transferId`), posted next in the same transaction.
 */
export async function insertEvents(
  tx: Tx,
  scope: PlatformScope,
  candidates: Candidate[],
  transferId: (c: Candidate, asset: string) => string | null,
  backdate: boolean,
): Promise<Map<string, number>> {
  if (candidates.length === 0) return new Map();
  const hasCosts = candidates.some((c) => c.costs.length > 0);
  const inserted = rowsOf<{ pk: string | number; id: string }>(
    await tx.execute(sql`
      WITH ev AS (${eventsSql(scope, candidates, backdate)}),
        fees AS (${feesSql(scope, candidates, transferId)}),
        rollups AS (${rollupsSql(scope)}),
        tasks AS (${taskRollupSql(scope)}),
        task_counts AS (${taskCountSql(scope)})
        ${hasCosts ? sql`, costs AS (${costsSql(scope, candidates)})` : sql``}
      SELECT pk, id FROM ev`),
  );
  return new Map(inserted.map((r) => [r.id, Number(r.pk)]));
}
