import type { AssetDisplay } from "@/lib/kernel/money/format";
import { currentRate, fiatValueOf, unitPrice } from "@/lib/domain/assets/rates";
import { now } from "@/lib/kernel/clock";
import type { DbOrTx } from "@/lib/kernel/db";
import type { CustomerScope } from "@/lib/kernel/scope";
import { assetDisplay, listBalances } from "@/lib/domain/wallet/balances";
import { pendingKey, pendingTopUpsByAccount } from "@/lib/domain/wallet/pending";

/** One wallet account as the portal shows it; amounts are exact decimal strings. */
export interface BalanceView {
  accountId: string;
  accountName: string;
  asset: AssetDisplay;
  available: string;
  pendingIn: string;
  /** For a custom asset: its value in the default fiat currency at the rate in force. */
  fiatValue: { amount: string; currency: string; unitPrice: string } | null;
}

/** The customer's balances, fiat first, with fiat values and payments the bank is still confirming. */
export async function balanceViews(db: DbOrTx, scope: CustomerScope): Promise<BalanceView[]> {
  const at = now();
  const [balances, pending] = await Promise.all([listBalances(db, scope), pendingTopUpsByAccount(db, scope, { inFlightOnly: true })]);
  return balances.map(({ account, asset }) => {
    const rate = asset.kind === "custom" ? currentRate(asset, at) : null;
    return {
      accountId: account.id,
      accountName: account.name,
      asset: assetDisplay(asset),
      available: account.available.toString(),
      pendingIn: (pending.get(pendingKey(account.name, account.asset)) ?? "0").toString(),
      fiatValue: rate
        ? { amount: fiatValueOf(account.available, rate).toString(), currency: rate.source, unitPrice: unitPrice(rate).toString() }
        : null,
    };
  });
}
