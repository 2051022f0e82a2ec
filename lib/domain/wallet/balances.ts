import { cache } from "react";
import type { AssetDisplay } from "@/lib/kernel/money/format";
import { findAssetsForDisplay } from "@/lib/domain/assets/display-cache";
import type { Asset } from "@/lib/domain/assets/types";
import type { DbOrTx } from "@/lib/kernel/db";
import { getPlatformSettings } from "@/lib/domain/platforms/settings";
import type { CustomerScope } from "@/lib/kernel/scope";
import { listWalletAccounts, type WalletAccount } from "./get-wallet";

export interface Balance {
  account: WalletAccount;
  asset: Asset;
}

export function assetDisplay(asset: Asset): AssetDisplay {
  return { code: asset.code, kind: asset.kind, precision: asset.precision, symbol: asset.symbol, label: asset.label, name: asset.name, names: asset.names };
}

/**
 * The customer's accounts with their asset definitions: the platform's currency first (what every page
 * opens on), then other fiat, then custom assets, by code. Read once
 * per server render (React's request cache, keyed on the portal context's db and scope): a portal
 * page and its streamed sections all need them. Elsewhere (API routes, jobs) every call reads.
 */
export const listBalances = cache(async (db: DbOrTx, scope: CustomerScope): Promise<Balance[]> => {
  const [accounts, settings] = await Promise.all([listWalletAccounts(db, scope), getPlatformSettings(db, scope)]);
  const assets = await findAssetsForDisplay(db, scope, accounts.map((a) => a.asset));
  const rank = (asset: Asset) => (asset.code === settings.currency ? 0 : asset.kind === "fiat" ? 1 : 2);
  return accounts
    .filter((account) => assets.has(account.asset))
    .map((account) => ({ account, asset: assets.get(account.asset)! }))
    .sort((a, b) => rank(a.asset) - rank(b.asset) || a.asset.code.localeCompare(b.asset.code));
});
