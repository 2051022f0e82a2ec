import { cache } from "react";
import type { AssetDisplay } from "@/lib/kernel/money/format";
import { findAssetsForDisplay } from "@/lib/domain/assets/display-cache";
import type { Asset } from "@/lib/domain/assets/types";
import type { DbOrTx } from "@/lib/kernel/db";
import type { CustomerScope } from "@/lib/kernel/scope";
import { listWalletAccounts, type WalletAccount } from "./get-wallet";

export interface Balance {
  account: WalletAccount;
  asset: Asset;
}

export function assetDisplay(asset: Asset): AssetDisplay {
  return { code: asset.code, kind: asset.kind, precision: asset.precision, symbol: asset.symbol, label: asset.label, name: asset.name };
}

/**
 * The customer's accounts with their asset definitions, fiat first then custom, by code. Read once
 * per server render (React's request cache, keyed on the portal context's db and scope): a portal
 * page and its streamed sections all need them. Elsewhere (API routes, jobs) every call reads.
 */
export const listBalances = cache(async (db: DbOrTx, scope: CustomerScope): Promise<Balance[]> => {
  const accounts = await listWalletAccounts(db, scope);
  const assets = await findAssetsForDisplay(db, scope, accounts.map((a) => a.asset));
  return accounts
    .filter((account) => assets.has(account.asset))
    .map((account) => ({ account, asset: assets.get(account.asset)! }))
    .sort((a, b) => (a.asset.kind === b.asset.kind ? a.asset.code.localeCompare(b.asset.code) : a.asset.kind === "fiat" ? -1 : 1));
});
