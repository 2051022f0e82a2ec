import type { AssetDisplay } from "@/lib/kernel/money/format";
import type { DbOrTx } from "@/lib/kernel/db";
import type { CustomerScope } from "@/lib/kernel/scope";
import { assetDisplay, listBalances } from "@/lib/domain/wallet/balances";
import { expiringCredits, listLiveGrants } from "./list-grants";

/** One grant with credits left, as the portal's timeline shows it; amounts are exact decimal strings. */
interface TimelineGrant {
  id: string;
  purpose: string;
  source: string;
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

/** The signed-in customer's live grants in consumption order and the credits about to expire. */
export async function creditTimeline(db: DbOrTx, scope: CustomerScope): Promise<CreditTimeline> {
  const [assets, grants, expiring] = await Promise.all([assetDisplays(db, scope), listLiveGrants(db, scope), expiringCredits(db, scope, 7)]);
  return {
    grants: grants
      .filter((g) => assets.has(g.asset))
      .map((g) => ({
        id: g.id,
        purpose: g.purpose,
        source: g.source.type,
        asset: assets.get(g.asset)!,
        amount: g.amount.toString(),
        remaining: g.remaining.toString(),
        effectiveAt: g.effective_at!,
        expiresAt: g.expires_at,
      })),
    expiring: expiringViews(expiring, assets),
  };
}
