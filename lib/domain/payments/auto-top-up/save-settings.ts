import { formatAmount, moneyText } from "@/lib/kernel/money/format";
import { requireAsset } from "@/lib/domain/assets/find-asset";
import type { Asset } from "@/lib/domain/assets/types";
import { now } from "@/lib/kernel/clock";
import type { Db } from "@/lib/kernel/db";
import { autoTopUps } from "@/lib/kernel/db/schema";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { NotFoundError, ValidationError } from "@/lib/kernel/errors";
import { accountKey, lockAccounts } from "@/lib/domain/ledger/accounts";
import { getPlatformSettings, type PlatformSettings } from "@/lib/domain/platforms/settings";
import type { CustomerScope } from "@/lib/kernel/scope";
import { ownAccountRef } from "@/lib/domain/wallet/get-wallet";
import { assetDisplay } from "@/lib/domain/wallet/balances";
import { getOwnCardOrThrow } from "@/lib/domain/payments/cards/cards";
import { chargeAmountProblem } from "@/lib/kernel/money/limits";
import { topUpRate } from "@/lib/domain/payments/top-ups/pricing";
import type { Plan } from "./plan";
import { lockConfig, setLedgerThreshold, type AccountRef } from "@/lib/domain/payments/attempts/store";
import { triggerAutoTopUp } from "./trigger";
import type { AutoTopUpSettingsInput } from "./schema";

async function checkSwitchOn(db: Db, scope: CustomerScope, asset: Asset, currency: string, settings: PlatformSettings, input: AutoTopUpSettingsInput) {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  if (input.consent !== true) add("consent", "Tick the box to authorise automatic charges to your card.");
  const problem = chargeAmountProblem(input.amount, currency);
  if (problem) add("amount", problem);
  const { minAmount, maxAmount } = settings.topUp;
  if (input.amount.lt(minAmount) || input.amount.gt(maxAmount)) add("amount", `Choose an amount from ${moneyText(minAmount, currency)} to ${moneyText(maxAmount, currency)}.`);
  if (input.threshold.decimalPlaces() > asset.precision) add("threshold", `${asset.code} has at most ${asset.precision} decimal places.`);
  if (input.monthly_cap && input.monthly_cap.lt(input.amount)) add("monthly_cap", "The monthly limit must be at least one top-up amount.");
  if (asset.kind === "custom" && !topUpRate(asset, currency, now())) add("amount", `${asset.code} can't be bought with ${currency} right now.`);
  if (!input.payment_method_id) add("payment_method_id", "Choose the card to charge.");
  else {
    try {
      await getOwnCardOrThrow(db, scope, input.payment_method_id);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      add("payment_method_id", "That card is not one of your saved cards.");
    }
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

/**
 * Saves the customer's auto top-up settings for one account. Switching on needs explicit consent and,
 * when the balance is already below the threshold, an explicit "charge now" confirmation; in that
 * case the first top-up happens before this returns. Switching on clears any earlier notice.
 * @throws NotFoundError (account id), ValidationError, PaymentsUnavailableError
 */
export async function saveAutoTopUp(db: Db, scope: CustomerScope, accountId: string, input: AutoTopUpSettingsInput): Promise<Plan | null> {
  const { name, asset: code } = await ownAccountRef(db, scope, accountId);
  const account: AccountRef = { name, asset: code };
  const asset = await requireAsset(db, scope, code, "account_id");
  const settings = await getPlatformSettings(db, scope);
  const currency = asset.kind === "fiat" ? asset.code : settings.currency;
  if (input.enabled) await checkSwitchOn(db, scope, asset, currency, settings, input);
  await withTransaction(db, async (tx) => {
    // Settings row before ledger account: the order every other auto top-up path locks them in.
    await lockConfig(tx, scope, account);
    const wallet = { kind: "wallet" as const, customerId: scope.customerId, name, asset: code };
    const locked = [...(await lockAccounts(tx, scope, [accountKey(wallet)])).values()][0]!;
    if (input.enabled && locked.balance.lt(input.threshold) && input.confirm_immediate_charge !== true) {
      throw ValidationError.field(
        "confirm_immediate_charge",
        `Your balance is already below ${formatAmount(input.threshold.toString(), assetDisplay(asset), "en-US")}, so saving charges ${moneyText(input.amount, currency)} right away. Confirm to continue.`,
      );
    }
    const at = now();
    const values = {
      enabled: input.enabled, threshold: input.threshold.toString(), amount: input.amount.toString(), currency,
      monthlyCap: input.monthly_cap?.toString() ?? null, paymentMethodId: input.payment_method_id ?? null, updatedAt: at,
      ...(input.enabled
        ? { consentedAt: at, consecutiveFailures: 0, retryAfter: null, disabledReason: null, disabledAt: null, actionRequiredAttemptId: null }
        : {}),
    };
    await tx
      .insert(autoTopUps)
      .values({ ...scope, accountName: name, assetCode: code, createdAt: at, ...values })
      .onConflictDoUpdate({ target: [autoTopUps.platformId, autoTopUps.liveMode, autoTopUps.customerId, autoTopUps.accountName, autoTopUps.assetCode], set: values });
    await setLedgerThreshold(tx, scope, account, input.enabled ? input.threshold : null);
  });
  return input.enabled ? triggerAutoTopUp(db, scope, account, { wait: true }) : null;
}
