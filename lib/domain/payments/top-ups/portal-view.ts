import { and, desc, eq, ne, notInArray } from "drizzle-orm";
import type { AssetDisplay } from "@/lib/kernel/money/format";
import { findAssets } from "@/lib/domain/assets/find-asset";
import { bonusesByCreditTransfer } from "@/lib/domain/grants/coupons/pending-bonuses";
import type { DbOrTx } from "@/lib/kernel/db";
import { topUps } from "@/lib/kernel/db/schema";
import { inScope, type CustomerScope } from "@/lib/kernel/scope";
import { assetDisplay } from "@/lib/domain/wallet/balances";
import { currencyDisplay, plainDecimal } from "@/lib/kernel/money/format";
import { getCustomerTopUpOrThrow, effectiveStatus, type TopUpRow } from "./store";

/** A top-up as the customer sees it: exact decimals as strings, ready for lib/kernel/money/format. */
export interface TopUpView {
  id: string;
  status: string;
  origin: string;
  /** What was bought: the plan's name for a subscription charge. */
  description: string | null;
  amount: string;
  currency: AssetDisplay;
  units: string;
  /** Promotional units a redeemed top-up bonus added on top of `units`, once credited. */
  bonusUnits: string | null;
  asset: AssetDisplay;
  /** Fiat price of one unit and units per fiat unit, as recorded when it was priced; null for fiat accounts. */
  rate: { price: string | null; perCurrency: string | null; source: string | null } | null;
  card: { brand: string; last4: string } | null;
  receiptUrl: string | null;
  failureMessage: string | null;
  /** Where a platform-initiated top-up sends the customer when it does not go through. */
  failureUrl: string | null;
  createdAt: string;
  completedAt: string | null;
  expiresAt: string | null;
}

/**
 * The status in the customer's words: a checkout whose card was declined is still open for another
 * card, but nothing is being paid, so it reads "declined" rather than pending.
 */
function portalStatus(t: TopUpRow): string {
  const status = effectiveStatus(t);
  return status === "initiated" && t.failureCode ? "declined" : status;
}

export function topUpView(t: TopUpRow, asset: AssetDisplay, bonusUnits: string | null = null): TopUpView {
  const hasRate = t.rate !== null || t.inverseRate !== null;
  return {
    id: t.id,
    status: portalStatus(t),
    origin: t.origin,
    description: t.description,
    amount: plainDecimal(t.amount),
    currency: currencyDisplay(t.currency),
    units: plainDecimal(t.units),
    bonusUnits: bonusUnits === null ? null : plainDecimal(bonusUnits),
    asset,
    rate: hasRate ? { price: plainDecimal(t.rate), perCurrency: plainDecimal(t.inverseRate), source: t.rateSource } : null,
    card: t.cardLast4 ? { brand: t.cardBrand ?? "card", last4: t.cardLast4 } : null,
    receiptUrl: t.receiptUrl,
    failureMessage: t.failureMessage,
    failureUrl: t.origin === "api" ? t.failureUrl : null,
    createdAt: t.createdAt.toISOString(),
    completedAt: t.completedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
  };
}

async function withAssets(db: DbOrTx, scope: CustomerScope, rows: TopUpRow[]): Promise<TopUpView[]> {
  const [assets, bonuses] = await Promise.all([
    findAssets(db, scope, rows.map((r) => r.assetCode)),
    bonusesByCreditTransfer(db, scope, rows.flatMap((r) => (r.transferId ? [r.transferId] : []))),
  ]);
  return rows.map((r) => {
    const asset = assets.get(r.assetCode);
    const display = asset ? assetDisplay(asset) : { code: r.assetCode, kind: "custom" as const, precision: 12, symbol: null, label: r.assetCode, name: r.assetCode };
    return topUpView(r, display, r.transferId ? (bonuses.get(r.transferId) ?? null) : null);
  });
}

/** The customer's own top-up. @throws NotFoundError */
export async function getTopUpView(db: DbOrTx, scope: CustomerScope, id: string): Promise<TopUpView> {
  const [view] = await withAssets(db, scope, [await getCustomerTopUpOrThrow(db, scope, id)]);
  return view!;
}

/**
 * Everything the customer paid or tried to pay (top-ups manual and automatic, subscription charges),
 * newest first; checkouts never paid are left out.
 */
export async function listOrders(db: DbOrTx, scope: CustomerScope, limit = 100): Promise<TopUpView[]> {
  const rows = await db
    .select()
    .from(topUps)
    .where(and(inScope(topUps, scope), eq(topUps.customerId, scope.customerId), notInArray(topUps.status, ["initiated", "expired", "cancelled"])))
    .orderBy(desc(topUps.createdAt), desc(topUps.id))
    .limit(limit);
  return withAssets(db, scope, rows);
}

/** The customer's most recent top-ups, manual and automatic. */
export async function recentTopUps(db: DbOrTx, scope: CustomerScope, limit = 20): Promise<TopUpView[]> {
  const rows = await db
    .select()
    .from(topUps)
    .where(and(inScope(topUps, scope), eq(topUps.customerId, scope.customerId), ne(topUps.origin, "subscription")))
    .orderBy(desc(topUps.createdAt), desc(topUps.id))
    .limit(limit);
  return withAssets(db, scope, rows);
}
