import { requireAsset } from "@/lib/domain/assets/find-asset";
import { now } from "@/lib/kernel/clock";
import type { Db } from "@/lib/kernel/db";
import { ValidationError } from "@/lib/kernel/errors";
import { needsBillingDetails } from "@/lib/domain/customers/billing-details";
import { Decimal } from "@/lib/kernel/money";
import { getPlatformSettings } from "@/lib/domain/platforms/settings";
import type { CustomerScope } from "@/lib/kernel/scope";
import { ownAccountRef } from "@/lib/domain/wallet/get-wallet";
import { providerMinimum } from "@/lib/kernel/money/limits";
import { moneyText } from "@/lib/kernel/money/format";
import { initiateTopUp } from "./initiate";
import { amountForUnits, topUpRate } from "./pricing";
import type { PortalTopUpInput } from "./schema";

/**
 * A top-up the customer starts in the portal, within the platform's limits. For a custom asset the
 * customer may ask for units: the amount charged is the least money that buys at least that many.
 * @throws ValidationError, PaymentsUnavailableError, PaymentProviderUnavailableError
 */
export async function createPortalTopUp(db: Db, scope: CustomerScope, input: PortalTopUpInput): Promise<{ id: string; redirectUrl: string }> {
  if (await needsBillingDetails(db, scope)) throw ValidationError.field("billing_details", "Add your billing details before paying; your invoice needs them.");
  const { name, asset: code } = await ownAccountRef(db, scope, input.account_id);
  const asset = await requireAsset(db, scope, code, "account_id");
  const settings = await getPlatformSettings(db, scope);
  const currency = asset.kind === "fiat" ? asset.code : settings.currency;
  let amount = input.amount;
  if (input.units !== undefined) {
    const rate = asset.kind === "fiat" ? null : topUpRate(asset, currency, now());
    if (asset.kind !== "fiat" && !rate) throw ValidationError.field("units", `${code} can't be bought with ${currency} right now.`);
    amount = amountForUnits(input.units, rate, currency);
  }
  const min = Decimal.max(settings.topUp.minAmount, providerMinimum(currency));
  const max = settings.topUp.maxAmount;
  const field = input.units !== undefined ? "units" : "amount";
  if (amount!.lt(min) || amount!.gt(max)) {
    throw ValidationError.field(field, `Top-ups are from ${moneyText(min, currency)} to ${moneyText(max, currency)}.`);
  }
  const { topUp } = await initiateTopUp(
    db,
    scope,
    { customerId: scope.customerId, amount: amount!, currency, accountName: name, asset: code },
    "portal",
  );
  return { id: topUp.id, redirectUrl: topUp.checkoutUrl! };
}
