import type { AssetDisplay } from "@/lib/kernel/money/format";
import type { DbOrTx } from "@/lib/kernel/db";
import type { CustomerScope } from "@/lib/kernel/scope";
import { dec } from "@/lib/kernel/money";
import { assetDisplay, listBalances, type Balance } from "@/lib/domain/wallet/balances";
import { pendingBonuses, type PendingBonus } from "@/lib/domain/grants/coupons/pending-bonuses";
import { grantSourceNames } from "./grant-sources";
import { expiringCredits, listLiveGrants } from "./list-grants";

/** One grant with credits left, as the portal's timeline shows it; amounts are exact decimal strings. */
export interface TimelineGrant {
  id: string;
  /** "unexpiring" for the part of a balance no grant holds: it never expires and is used last. */
  purpose: string;
  source: string;
  /** The coupon code, plan name or description the credit came with. */
  sourceName: string | null;
  asset: AssetDisplay;
  amount: string;
  remaining: string;
  effectiveAt: string;
  expiresAt: string | null;
}

export interface ExpiringCredits {
  asset: AssetDisplay;
  amount: string;
  expiresAt: string;
}

export interface CreditTimeline {
  grants: TimelineGrant[];
  /** Redeemed top-up bonuses waiting for the customer's next top-ups. */
  bonuses: PendingBonus[];
  /** Each balance the rows add up to, so the page reconciles with the balance cards. */
  balances: { asset: AssetDisplay; available: string }[];
  /** Credits expiring within the next 7 days, soonest first (the banner). */
  expiring: ExpiringCredits[];
}

async function assetDisplays(db: DbOrTx, scope: CustomerScope): Promise<Map<string, AssetDisplay>> {
  return new Map((await listBalances(db, scope)).map((b) => [b.asset.code, assetDisplay(b.asset)]));
}

function expiringViews(expiring: Awaited<ReturnType<typeof expiringCredits>>, assets: Map<string, AssetDisplay>): ExpiringCredits[] {
  return expiring.filter((e) => assets.has(e.asset)).map((e) => ({ asset: assets.get(e.asset)!, amount: e.amount.toString(), expiresAt: e.expires_at }));
}

/** Credits expiring in the next 7 days (the portal banner); no asset lookup when there are none. */
export async function expiringCreditsFor(db: DbOrTx, scope: CustomerScope): Promise<ExpiringCredits[]> {
  const expiring = await expiringCredits(db, scope, 7);
  return expiring.length === 0 ? [] : expiringViews(expiring, await assetDisplays(db, scope));
}

/**
 * What each balance holds beyond its grants (top-ups and gifts posted without an expiry): a row of its
 * own, so the rows of an asset add up to its balance.
 */
function unexpiringRows(balances: Balance[], grants: TimelineGrant[]): TimelineGrant[] {
  return balances.flatMap(({ account, asset }) => {
    const granted = grants.filter((g) => g.asset.code === asset.code).reduce((sum, g) => sum.plus(g.remaining), dec("0"));
    const rest = account.available.minus(granted);
    if (!rest.gt(0)) return [];
    const id = `unexpiring-${asset.code}`;
    return [{ id, purpose: "unexpiring", source: "balance", sourceName: null, asset: assetDisplay(asset), amount: rest.toString(), remaining: rest.toString(), effectiveAt: "", expiresAt: null }];
  });
}

/** The signed-in customer's live grants in consumption order, what never expires, and the credits about to expire. */
export async function creditTimeline(db: DbOrTx, scope: CustomerScope): Promise<CreditTimeline> {
  const [balances, grants, expiring, names, bonuses] = await Promise.all([
    listBalances(db, scope), listLiveGrants(db, scope), expiringCredits(db, scope, 7), grantSourceNames(db, scope), pendingBonuses(db, scope),
  ]);
  const assets = new Map(balances.map((b) => [b.asset.code, assetDisplay(b.asset)]));
  const rows: TimelineGrant[] = grants
    .filter((g) => assets.has(g.asset))
    .map((g) => ({
      id: g.id,
      purpose: g.purpose,
      source: g.source.type,
      sourceName: names.get(g.id) ?? null,
      asset: assets.get(g.asset)!,
      amount: g.amount.toString(),
      remaining: g.remaining.toString(),
      effectiveAt: g.effective_at!,
      expiresAt: g.expires_at,
    }));
  const shown = balances.filter((b) => rows.some((g) => g.asset.code === b.asset.code) || b.asset.kind === "custom");
  return {
    grants: [...rows, ...unexpiringRows(shown, rows)],
    bonuses,
    balances: shown.map((b) => ({ asset: assetDisplay(b.asset), available: b.account.available.toString() })),
    expiring: expiringViews(expiring, assets),
  };
}
