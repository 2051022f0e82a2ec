import { z } from "zod";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { col, parseRows } from "@/lib/kernel/db/rows";
import type { PlatformScope } from "@/lib/kernel/scope";

export interface SubscriptionView {
  id: string;
  status: string;
  products: { id: string; code: string; version: number }[];
  started_at: string;
  created_at: string;
  current_period_start: string | null;
  current_period_end: string | null;
  canceled_at: string | null;
  cancel_at_period_end: boolean;
  required_actions: { type: string; redirect_url: string }[];
}

const rowColumns = z.object({
  id: col.text(),
  customer_id: col.text(),
  status: col.text(),
  started_at: col.time(),
  created_at: col.time(),
  current_period_start: col.time().nullable(),
  current_period_end: col.time().nullable(),
  canceled_at: col.time().nullable(),
  cancel_at_period_end: z.boolean(),
  payment_url: col.text().nullable(),
  product_id: col.text(),
  code: col.text(),
  version: col.int(),
});

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** Subscriptions of several customers in one query, oldest first, products in the order subscribed. */
export async function listSubscriptionViewsFor(db: DbOrTx, scope: PlatformScope, customerIds: string[]): Promise<Map<string, SubscriptionView[]>> {
  const out = new Map<string, SubscriptionView[]>(customerIds.map((id) => [id, []]));
  if (customerIds.length === 0) return out;
  const rows = parseRows(
    rowColumns,
    await db.execute(sql`
      SELECT s.id, s.customer_id, s.status, s.started_at, s.created_at, s.current_period_start, s.current_period_end,
        s.canceled_at, s.cancel_at_period_end, sp.product_id, p.code, sp.version,
        CASE WHEN s.status = 'pending' THEN (
          SELECT t.checkout_url FROM top_ups t
          WHERE t.subscription_id = s.id AND t.period_start IS NULL AND t.status = 'initiated' AND t.checkout_url IS NOT NULL
          ORDER BY t.created_at DESC LIMIT 1) END AS payment_url
      FROM subscriptions s
      JOIN subscription_products sp ON sp.subscription_id = s.id
      JOIN products p ON p.id = sp.product_id
      WHERE s.platform_id = ${scope.platformId} AND s.live_mode = ${scope.liveMode}
        AND s.customer_id = ANY(${sql.param(customerIds)}::text[])
      ORDER BY s.created_at, s.id, sp.position`),
  );
  const byId = new Map<string, SubscriptionView>();
  for (const r of rows) {
    let view = byId.get(r.id);
    if (!view) {
      view = {
        id: r.id,
        status: r.status,
        products: [],
        started_at: iso(r.started_at)!,
        created_at: iso(r.created_at)!,
        current_period_start: iso(r.current_period_start),
        current_period_end: iso(r.current_period_end),
        canceled_at: iso(r.canceled_at),
        cancel_at_period_end: Boolean(r.cancel_at_period_end),
        // Credyt's shape: a pending subscription says what the customer must do before it starts.
        required_actions: r.payment_url ? [{ type: "payment", redirect_url: r.payment_url }] : [],
      };
      byId.set(r.id, view);
      out.get(r.customer_id)?.push(view);
    }
    view.products.push({ id: r.product_id, code: r.code, version: Number(r.version) });
  }
  return out;
}

/** A customer's subscriptions in the API's shape, products with their resolved integer versions. */
export async function listSubscriptionViews(db: DbOrTx, scope: PlatformScope, customerId: string): Promise<SubscriptionView[]> {
  return (await listSubscriptionViewsFor(db, scope, [customerId])).get(customerId) ?? [];
}
