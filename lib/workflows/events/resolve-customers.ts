import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { BILLING_STATUSES } from "@/lib/workflows/subscriptions/subscription-status";
import type { VersionRef } from "@/lib/domain/catalog/rated-products";
import type { PlatformScope } from "@/lib/kernel/scope";
import type { IngestRequest } from "./types";

export interface BillableCustomer {
  id: string;
  versions: VersionRef[];
  /** Has a budget or a hold: its events are screened by the guardrails. */
  guarded: boolean;
}

/**
 * The customers of a batch of requests with the product versions they are billed by, in one query.
 * A request whose customer is unknown (or another platform's) gets null.
 */
export async function resolveCustomers(db: DbOrTx, scope: PlatformScope, requests: IngestRequest[]): Promise<(BillableCustomer | null)[]> {
  const ids = [...new Set(requests.flatMap((r) => ("id" in r.customer ? [r.customer.id] : [])))];
  const externalIds = [...new Set(requests.flatMap((r) => ("externalId" in r.customer ? [r.customer.externalId] : [])))];
  const rows = rowsOf<{ id: string; external_id: string | null; guarded: boolean; product_id: string | null; version: number | null }>(
    await db.execute(sql`
      SELECT c.id, c.external_id, c.guarded, sp.product_id, sp.version
      FROM customers c
      LEFT JOIN (subscription_products sp JOIN subscriptions s ON s.id = sp.subscription_id AND s.status = ANY(${sql.param([...BILLING_STATUSES])}::text[]))
        ON sp.customer_id = c.id
      WHERE c.platform_id = ${scope.platformId} AND c.live_mode = ${scope.liveMode}
        AND (c.id = ANY(${sql.param(ids)}::text[]) OR c.external_id = ANY(${sql.param(externalIds)}::text[]))`),
  );
  const byId = new Map<string, BillableCustomer>();
  const byExternal = new Map<string, BillableCustomer>();
  for (const row of rows) {
    let customer = byId.get(row.id);
    if (!customer) {
      customer = { id: row.id, versions: [], guarded: row.guarded };
      byId.set(row.id, customer);
      if (row.external_id !== null) byExternal.set(row.external_id, customer);
    }
    if (row.product_id !== null) customer.versions.push({ productId: row.product_id, version: Number(row.version) });
  }
  return requests.map((r) => ("id" in r.customer ? byId.get(r.customer.id) : byExternal.get(r.customer.externalId)) ?? null);
}
