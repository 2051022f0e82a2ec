import { z } from "zod";
import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { type AssetDisplay, currencyDisplay } from "@/lib/kernel/money/format";
import { decodePrices } from "@/lib/domain/catalog/definition-codec";
import type { Interval } from "@/lib/domain/catalog/definition";
import type { DbOrTx } from "@/lib/kernel/db";
import { subscriptions, topUps } from "@/lib/kernel/db/schema";
import { col, parseRows } from "@/lib/kernel/db/rows";
import { dec } from "@/lib/kernel/money";
import { inScope, type CustomerScope, type PlatformScope } from "@/lib/kernel/scope";
import { includedCreditsLeft } from "@/lib/domain/grants/included-credits";
import { assetDisplay, listBalances } from "@/lib/domain/wallet/balances";
import { fixedFeeOf, planFeeOf } from "./plan-fee";

export interface PublishedPlan {
  code: string;
  name: string;
  description: string | null;
  amount: string;
  currency: AssetDisplay;
  interval: Interval;
  intervalCount: number;
}

export interface CurrentPlan {
  subscriptionId: string;
  status: string;
  code: string;
  name: string;
  amount: string;
  currency: AssetDisplay;
  interval: Interval;
  intervalCount: number;
  currentPeriodEnd: string | null;
  cancelAtPeriodEnd: boolean;
  /** The plan chosen to replace this one at the next renewal, by code and by the name customers read. */
  scheduledCode: string | null;
  scheduledName: string | null;
  /** For a plan waiting for its first payment: the charge to pay, through /top-up/checkout/:id. */
  firstChargeId: string | null;
  /** Included credits left this period (null when the plan includes none). */
  includedCredits: { amount: string; asset: AssetDisplay }[] | null;
}

const planRowColumns = z.object({
  code: col.text(),
  product_id: col.text(),
  version: col.int(),
  name: col.text(),
  description: col.text().nullable(),
  prices: col.text(),
});

/** The platform's plans: products whose default published version has a fixed recurring price, by price. */
export async function publishedPlans(db: DbOrTx, scope: PlatformScope): Promise<(PublishedPlan & { productId: string; version: number })[]> {
  const rows = parseRows(
    planRowColumns,
    await db.execute(sql`
      SELECT p.code, p.id AS product_id, v.version, v.name, v.description, v.prices::text AS prices
      FROM products p JOIN product_versions v ON v.product_id = p.id AND v.version = p.default_version
      WHERE p.platform_id = ${scope.platformId} AND p.live_mode = ${scope.liveMode} AND v.status = 'published'
      ORDER BY p.created_at, p.id`),
  );
  const plans = rows.flatMap((r) => {
    const fee = fixedFeeOf(decodePrices(r.prices));
    if (!fee) return [];
    return [{
      code: r.code, productId: r.product_id, version: Number(r.version), name: r.name, description: r.description,
      amount: fee.amount.toString(), currency: currencyDisplay(fee.currency), interval: fee.interval, intervalCount: fee.intervalCount,
    }];
  });
  return plans.sort((a, b) => (dec(a.amount).lt(dec(b.amount)) ? -1 : dec(a.amount).gt(dec(b.amount)) ? 1 : 0));
}

async function includedCredits(db: DbOrTx, scope: CustomerScope, subscriptionId: string): Promise<CurrentPlan["includedCredits"]> {
  const left = await includedCreditsLeft(db, scope, subscriptionId);
  if (left.length === 0) return null;
  const assets = new Map((await listBalances(db, scope)).map((b) => [b.asset.code, assetDisplay(b.asset)]));
  return left.flatMap((l) => {
    const asset = assets.get(l.asset);
    return asset ? [{ amount: l.amount, asset }] : [];
  });
}

/** The customer's live subscription with a fixed price (the newest one not canceled), as the Plan page shows it. */
export async function currentPlan(db: DbOrTx, scope: CustomerScope): Promise<CurrentPlan | null> {
  const subs = await db
    .select()
    .from(subscriptions)
    .where(and(inScope(subscriptions, scope), eq(subscriptions.customerId, scope.customerId), ne(subscriptions.status, "canceled")))
    .orderBy(desc(subscriptions.createdAt), desc(subscriptions.id));
  for (const sub of subs) {
    const fee = await planFeeOf(db, sub.id);
    if (!fee) continue;
    const code = async (productId: string | null) =>
      productId ? (parseRows(z.object({ code: col.text() }), await db.execute(sql`SELECT code FROM products WHERE id = ${productId}`))[0]?.code ?? null) : null;
    const scheduledName = sub.scheduledProductId
      ? (parseRows(z.object({ name: col.text() }), await db.execute(sql`SELECT name FROM product_versions WHERE product_id = ${sub.scheduledProductId} AND version = ${sub.scheduledVersion}`))[0]?.name ?? null)
      : null;
    const [firstCharge] = sub.status === "pending"
      ? await db.select({ id: topUps.id }).from(topUps).where(and(eq(topUps.subscriptionId, sub.id), eq(topUps.status, "initiated"), isNull(topUps.periodStart))).limit(1)
      : [];
    return {
      subscriptionId: sub.id, status: sub.status, code: (await code(fee.productId))!, name: fee.name, amount: fee.amount.toString(),
      currency: currencyDisplay(fee.currency), interval: fee.interval, intervalCount: fee.intervalCount,
      currentPeriodEnd: sub.currentPeriodEnd?.toISOString() ?? null, cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
      scheduledCode: await code(sub.scheduledProductId), scheduledName, firstChargeId: firstCharge?.id ?? null,
      includedCredits: await includedCredits(db, scope, sub.id),
    };
  }
  return null;
}

export interface PlanOverview {
  current: CurrentPlan | null;
  plans: PublishedPlan[];
}

export async function planOverview(db: DbOrTx, scope: CustomerScope): Promise<PlanOverview> {
  const [current, plans] = await Promise.all([currentPlan(db, scope), publishedPlans(db, scope)]);
  return {
    current,
    plans: plans.map((p) => ({ code: p.code, name: p.name, description: p.description, amount: p.amount, currency: p.currency, interval: p.interval, intervalCount: p.intervalCount })),
  };
}
