import { findAsset } from "@/lib/domain/assets/find-asset";
import { paidCreditExpiry } from "@/lib/domain/grants/create-grant";
import { now } from "@/lib/kernel/clock";
import type { DbOrTx } from "@/lib/kernel/db";
import { getPlatformSettings } from "@/lib/domain/platforms/settings";
import type { CustomerScope } from "@/lib/kernel/scope";
import { formatAccountId } from "@/lib/domain/wallet/account-id";
import { assetDisplay, listBalances } from "@/lib/domain/wallet/balances";
import { PaymentsUnavailableError } from "@/lib/domain/payments/errors";
import { currencyDisplay, plainDecimal } from "@/lib/kernel/money/format";
import { providerKindFor } from "@/lib/domain/payments/select-provider";
import { topUpRate } from "./pricing";

/** Whether this portal can take payments now, and whether they are TEST MODE ones. */
export function paymentsAvailability(scope: CustomerScope): { available: true; testMode: boolean } | { available: false; message: string } {
  try {
    return { available: true, testMode: providerKindFor(scope) === "test" };
  } catch (error) {
    if (error instanceof PaymentsUnavailableError) return { available: false, message: "Payments aren't available here yet. Please contact support to add funds." };
    throw error;
  }
}

/**
 * What the customer can top up: each wallet account that can be bought (a custom asset needs a rate
 * from the platform's currency), the platform's currency account first (opened if they have none
 * yet), and when what they buy today expires, to say so before they pay.
 */
export async function topUpOptions(db: DbOrTx, scope: CustomerScope) {
  const [settings, balances] = await Promise.all([getPlatformSettings(db, scope), listBalances(db, scope)]);
  const options = balances.flatMap(({ account, asset }) => {
    const currency = asset.kind === "fiat" ? asset.code : settings.currency;
    const rate = asset.kind === "fiat" ? null : topUpRate(asset, currency, now());
    if (asset.kind !== "fiat" && !rate) return [];
    return [{
      accountId: formatAccountId(account.name, account.asset),
      asset: assetDisplay(asset),
      currency: currencyDisplay(currency),
      rate: rate ? { price: rate.rate?.toString() ?? null, perCurrency: rate.inverseRate?.toString() ?? null } : null,
    }];
  });
  const home = formatAccountId("default", settings.currency);
  const homeOption = options.find((o) => o.accountId === home);
  const rest = options.filter((o) => o !== homeOption);
  const first = homeOption ?? { accountId: home, asset: assetDisplay((await findAsset(db, scope, settings.currency))!), currency: currencyDisplay(settings.currency), rate: null };
  return {
    options: [first, ...rest],
    purchaseExpiresAt: paidCreditExpiry(now()).toISOString(),
    presets: settings.topUp.presets.map((p) => plainDecimal(p.toString())),
    min: settings.topUp.minAmount.toString(),
    max: settings.topUp.maxAmount.toString(),
  };
}
