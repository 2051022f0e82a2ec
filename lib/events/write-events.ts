import { sql } from "drizzle-orm";
import { pgArray as arr } from "@/lib/db/arrays";
import type { Tx } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";
import { stringifyJson } from "@/lib/json";
import type { PlatformScope } from "@/lib/scope";
import { DEFAULT_ACCOUNT } from "@/lib/wallet/account-id";
import type { Candidate } from "./types";

const iso = (d: Date) => d.toISOString();

function statusOf(c: Candidate): { status: string; reason: string | null; code: string | null } {
  if (c.rating.status === "billed") return { status: "billed", reason: null, code: null };
  if (c.rating.status === "rating_error") return { status: "rating_error", reason: c.rating.reason, code: "rating_error" };
  return { status: "unbilled", reason: c.rating.reason, code: c.rating.code };
}

/**
 * Stores the candidates that are new and returns their internal keys by event id. An id the
 * platform already used (in an earlier request, or concurrently) is skipped by the unique index;
 * rows go in id order so concurrent batches never wait on each other's ids in opposite orders.
 */
export async function insertEvents(tx: Tx, scope: PlatformScope, candidates: Candidate[], backdate: boolean): Promise<Map<string, number>> {
  if (candidates.length === 0) return new Map();
  const rows = [...candidates].sort((a, b) => (a.input.id < b.input.id ? -1 : a.input.id > b.input.id ? 1 : 0));
  const col = <T>(f: (c: Candidate) => T) => rows.map(f);
  const statuses = rows.map(statusOf);
  const inserted = rowsOf<{ pk: string | number; id: string }>(
    await tx.execute(sql`
      INSERT INTO events (platform_id, live_mode, id, customer_id, event_type, occurred_at, subject, description, data,
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
      RETURNING pk, id`),
  );
  return new Map(inserted.map((r) => [r.id, Number(r.pk)]));
}

/** One row per fee of the stored events, each pointing at the transfer that debited it. */
export async function insertFees(tx: Tx, scope: PlatformScope, stored: { candidate: Candidate; pk: number }[], transferIds: Map<string, string>, debitKey: (c: Candidate, asset: string) => string) {
  const rows = stored.flatMap(({ candidate, pk }) =>
    candidate.rating.status === "billed" ? candidate.rating.fees.map((fee) => ({ candidate, pk, fee })) : [],
  );
  if (rows.length === 0) return;
  const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
  const money = (f: (r: (typeof rows)[number]) => { toString(): string } | null) => arr(col((r) => f(r)?.toString() ?? null), "numeric");
  await tx.execute(sql`
    INSERT INTO event_fees (platform_id, live_mode, event_pk, customer_id, account_name, asset_code, amount, product_id, product_code,
      product_name, product_version, price_id, price_name, dimensions, quantity, unit_price, volume_rate, package_size, transfer_id, occurred_at)
    SELECT ${scope.platformId}, ${scope.liveMode}, f.* FROM unnest(
      ${arr(col((r) => r.pk), "bigint")}, ${arr(col((r) => r.candidate.customerId), "text")}, ${arr(col(() => DEFAULT_ACCOUNT), "text")},
      ${arr(col((r) => r.fee.asset), "text")}, ${money((r) => r.fee.amount)}, ${arr(col((r) => r.fee.product.id), "text")},
      ${arr(col((r) => r.fee.product.code), "text")}, ${arr(col((r) => r.fee.product.name), "text")}, ${arr(col((r) => r.fee.product.version), "int")},
      ${arr(col((r) => r.fee.priceId), "text")}, ${arr(col((r) => r.fee.priceName), "text")}, ${arr(col((r) => JSON.stringify(r.fee.dimensions)), "jsonb")},
      ${money((r) => r.fee.quantity)}, ${money((r) => r.fee.unitPrice)}, ${money((r) => r.fee.volumeRate)}, ${money((r) => r.fee.packageSize)},
      ${arr(col((r) => transferIds.get(debitKey(r.candidate, r.fee.asset)) ?? null), "text")}, ${arr(col((r) => iso(r.candidate.occurredAt)), "timestamptz")}
    ) AS f`);
}

/** The vendor costs of the stored events. */
export async function insertCosts(tx: Tx, scope: PlatformScope, stored: { candidate: Candidate; pk: number }[]) {
  const rows = stored.flatMap(({ candidate, pk }) => candidate.costs.map((cost) => ({ candidate, pk, cost })));
  if (rows.length === 0) return;
  const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
  await tx.execute(sql`
    INSERT INTO event_costs (platform_id, live_mode, event_pk, customer_id, vendor_id, cost_id, amount, currency, description, metadata, occurred_at)
    SELECT ${scope.platformId}, ${scope.liveMode}, c.* FROM unnest(
      ${arr(col((r) => r.pk), "bigint")}, ${arr(col((r) => r.candidate.customerId), "text")}, ${arr(col((r) => r.cost.vendorId), "text")},
      ${arr(col((r) => r.cost.costId), "text")}, ${arr(col((r) => r.cost.amount.toString()), "numeric")}, ${arr(col((r) => r.cost.currency), "text")},
      ${arr(col((r) => r.cost.description), "text")}, ${arr(col((r) => (r.cost.metadata ? JSON.stringify(r.cost.metadata) : null)), "jsonb")},
      ${arr(col((r) => iso(r.candidate.occurredAt)), "timestamptz")}
    ) AS c`);
}
