import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/lib/kernel/db";
import { col, parseRows } from "@/lib/kernel/db/rows";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { decodeEntitlements } from "@/lib/domain/catalog/definition-codec";
import type { EntitlementDef } from "@/lib/domain/catalog/definition";
import { enqueueJob } from "@/lib/kernel/jobs/enqueue";
import { z } from "zod";
import { payloadInt, payloadScope, payloadText, payloadTime } from "@/lib/kernel/jobs/payload";
import { defineJob } from "@/lib/kernel/jobs/registry";
import type { PlatformScope } from "@/lib/kernel/scope";
import { DEFAULT_ACCOUNT } from "@/lib/domain/wallet/account-id";
import { postGrant } from "./create-grant";
import { expireGrant } from "./expire-grant";
import { addIntervals } from "./periods";
import { REFRESH_ENTITLEMENT_JOB } from "./types";

interface Held {
  customerId: string;
  status: string;
  /** `<product id>@<version>`: the entitlement's identity within the subscription. */
  key: string;
  entitlements: EntitlementDef[];
}

async function heldVersions(tx: Tx, scope: PlatformScope, subscriptionId: string): Promise<Held[]> {
  const rows = parseRows(z.object({ customer_id: col.text(), status: col.text(), product_id: col.text(), version: col.int(), entitlements: col.text() }), await tx.execute(sql`
      SELECT s.customer_id, s.status, sp.product_id, sp.version, v.entitlements::text AS entitlements
      FROM subscriptions s JOIN subscription_products sp ON sp.subscription_id = s.id
      JOIN product_versions v ON v.product_id = sp.product_id AND v.version = sp.version
      WHERE s.id = ${subscriptionId} AND s.platform_id = ${scope.platformId} AND s.live_mode = ${scope.liveMode}
      ORDER BY sp.position`)
  );
  return rows.map((r) => ({ customerId: r.customer_id, status: r.status, key: `${r.product_id}@${r.version}`, entitlements: decodeEntitlements(r.entitlements) }));
}

const periodEndOf = (e: EntitlementDef, start: Date) => (e.lifecycle ? addIntervals(start, e.lifecycle.duration, e.lifecycle.duration_count) : null);

/**
 * Grants one period of one entitlement, once, records it in entitlement_periods, and queues the refresh
 * at the period's end when the entitlement refreshes. expire_and_replace grants expire at period end;
 * rollover grants never expire (the remainder stays as the next period's grant is added); a lifecycle
 * without refresh is a one-off grant valid for one period; no lifecycle, a one-off that never expires.
 */
async function grantPeriod(tx: Tx, scope: PlatformScope, subscriptionId: string, held: Held, index: number, start: Date): Promise<void> {
  const e = held.entitlements[index]!;
  const end = periodEndOf(e, start);
  const strategy = e.lifecycle?.refresh?.strategy ?? null;
  const wallet = { kind: "wallet" as const, customerId: held.customerId, name: DEFAULT_ACCOUNT, asset: e.asset };
  // The transfer's key makes the period's grant once-only: a second call posts nothing and returns no grant.
  const { grantId } = await postGrant(
    tx,
    scope,
    {
      idempotencyKey: `ent:${subscriptionId}:${held.key}:${index}:${start.toISOString()}`,
      category: "plan_credits",
      asset: e.asset,
      amount: e.amount,
      from: { kind: "system", name: "promotions", asset: e.asset, shardKey: held.customerId },
      to: wallet,
      customerId: held.customerId,
      description: e.name,
      reference: { type: "subscription", id: subscriptionId },
    },
    { purpose: e.purpose === "promotion" ? "promotional" : "bundled", source: "entitlement", sourceId: subscriptionId, effectiveAt: start, expiresAt: strategy === "rollover" ? null : end },
  );
  if (!grantId) return;
  await tx.execute(sql`
    INSERT INTO entitlement_periods (platform_id, live_mode, subscription_id, product_version_key, entitlement_index, period_start, period_end, grant_id)
    VALUES (${scope.platformId}, ${scope.liveMode}, ${subscriptionId}, ${held.key}, ${index}, ${start.toISOString()}::timestamptz,
      ${end?.toISOString() ?? null}::timestamptz, ${grantId})`);
  if (strategy && end) {
    await enqueueJob(tx, {
      kind: REFRESH_ENTITLEMENT_JOB,
      payload: { ...scope, subscriptionId, key: held.key, index, at: end.toISOString() },
      runAt: end,
      uniqueKey: `entitlement-refresh:${subscriptionId}:${held.key}:${index}:${end.toISOString()}`,
    });
  }
}

/**
 * Grants the bundled credits of every entitlement of the subscription's product versions for the
 * period starting `at`, in the caller's transaction, and schedules each refresh at period end.
 * Idempotent per subscription, entitlement and period: calling it again for the same `at` grants nothing.
 */
export async function activateEntitlements(tx: Tx, scope: PlatformScope, subscriptionId: string, at: Date): Promise<void> {
  for (const held of await heldVersions(tx, scope, subscriptionId)) {
    for (let index = 0; index < held.entitlements.length; index++) await grantPeriod(tx, scope, subscriptionId, held, index, at);
  }
}

/**
 * The refresh at the end of a period. A canceled subscription ends the schedule. A subscription that is
 * not active (past_due, pending) gets no credits this period but keeps its schedule, so credits resume
 * with the first period it is active again. expire_and_replace first expires the previous period's grant.
 */
async function refreshEntitlement(db: Db, scope: PlatformScope, subscriptionId: string, key: string, index: number, at: Date): Promise<void> {
  const previous = parseRows(z.object({ grant_id: col.text() }), await db.execute(sql`SELECT grant_id FROM entitlement_periods WHERE subscription_id = ${subscriptionId} AND product_version_key = ${key}
      AND entitlement_index = ${index} AND period_end = ${at.toISOString()}::timestamptz AND platform_id = ${scope.platformId}`)
  )[0];
  if (previous?.grant_id) await expireGrant(db, scope, previous.grant_id);
  await withTransaction(db, async (tx) => {
    const held = (await heldVersions(tx, scope, subscriptionId)).find((h) => h.key === key);
    const e = held?.entitlements[index];
    if (!held || !e?.lifecycle || held.status === "canceled") return;
    if (held.status === "active") return grantPeriod(tx, scope, subscriptionId, held, index, at);
    const next = addIntervals(at, e.lifecycle.duration, e.lifecycle.duration_count);
    await enqueueJob(tx, {
      kind: REFRESH_ENTITLEMENT_JOB,
      payload: { ...scope, subscriptionId, key, index, at: next.toISOString() },
      runAt: next,
      uniqueKey: `entitlement-refresh:${subscriptionId}:${key}:${index}:${next.toISOString()}`,
    });
  });
}

const refreshPayload = z.object({ ...payloadScope, subscriptionId: payloadText(), key: payloadText(), index: payloadInt(), at: payloadTime() });

export const refreshEntitlementJob = defineJob(REFRESH_ENTITLEMENT_JOB, refreshPayload, (db, p) =>
  refreshEntitlement(db, { platformId: p.platformId, liveMode: p.liveMode }, p.subscriptionId, p.key, p.index, p.at),
);
