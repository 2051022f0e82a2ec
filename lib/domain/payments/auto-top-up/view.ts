import { and, desc, eq } from "drizzle-orm";
import type { AssetDisplay } from "@/lib/kernel/money/format";
import { now } from "@/lib/kernel/clock";
import type { Db } from "@/lib/kernel/db";
import { autoTopUpAttempts, autoTopUps } from "@/lib/kernel/db/schema";
import type { Decimal } from "@/lib/kernel/money";
import { getPlatformSettings } from "@/lib/domain/platforms/settings";
import { inScope, type CustomerScope } from "@/lib/kernel/scope";
import { formatAccountId } from "@/lib/domain/wallet/account-id";
import { assetDisplay, listBalances } from "@/lib/domain/wallet/balances";
import { currencyDisplay, plainDecimal } from "@/lib/kernel/money/format";
import { topUpRate, unitsForAmount, type TopUpRate } from "@/lib/domain/payments/top-ups/pricing";
import { pauseOf, type AutoTopUpPause } from "./pause";
import type { AttemptRow, AutoTopUpRow } from "@/lib/domain/payments/attempts/store";

const ATTEMPTS_SHOWN = 20;

export interface AttemptView {
  id: string;
  createdAt: string;
  amount: string;
  currency: AssetDisplay;
  units: string | null;
  status: string;
  reason: string | null;
  nextRetryAt: string | null;
  hardDecline: boolean;
}

export interface AutoTopUpView {
  accountId: string;
  accountName: string;
  asset: AssetDisplay;
  balance: string;
  currency: AssetDisplay;
  /** Current rate for showing what an amount buys (null for fiat). */
  rate: { price: string | null; perCurrency: string | null } | null;
  settings: ReturnType<typeof settingsView> | null;
  /** Why it is on but will not charge now, and until when. */
  pause: AutoTopUpPause | null;
  /** Values the form starts with when nothing is saved yet: a usual top-up and half of it as the threshold. */
  suggested: { threshold: string; amount: string };
  attempts: AttemptView[];
}

/** A usual top-up amount (the platform's second preset) and half of it, in the account's units, as the threshold. */
function suggestion(presets: Decimal[], minAmount: Decimal, asset: { kind: string; precision: number }, rate: TopUpRate | null, currency: string) {
  const amount = presets[1] ?? presets[0] ?? minAmount;
  const half = amount.div(2);
  const threshold = asset.kind === "fiat" ? half.toDecimalPlaces(asset.precision) : unitsForAmount(half, rate, asset.precision, currency);
  return { threshold: plainDecimal(threshold.toString()), amount: plainDecimal(amount.toString()) };
}

function settingsView(c: AutoTopUpRow) {
  return {
    enabled: c.enabled,
    threshold: plainDecimal(c.threshold),
    amount: plainDecimal(c.amount),
    monthlyCap: plainDecimal(c.monthlyCap),
    paymentMethodId: c.paymentMethodId,
    disabledReason: c.disabledReason,
    disabledAt: c.disabledAt?.toISOString() ?? null,
    retryAfter: c.retryAfter && c.retryAfter > now() ? c.retryAfter.toISOString() : null,
    actionRequired: c.actionRequiredAttemptId !== null,
    consecutiveFailures: c.consecutiveFailures,
  };
}

function attemptView(a: AttemptRow): AttemptView {
  return {
    id: a.id, createdAt: a.createdAt.toISOString(), amount: plainDecimal(a.amount), currency: currencyDisplay(a.currency), units: plainDecimal(a.units), status: a.status,
    reason: a.reason, nextRetryAt: a.nextRetryAt?.toISOString() ?? null, hardDecline: a.hardDecline,
  };
}

/** Every wallet account with its auto top-up settings and the log of its automatic attempts. */
export async function autoTopUpOverview(db: Db, scope: CustomerScope) {
  const [balances, configs, attempts, settings] = await Promise.all([
    listBalances(db, scope),
    db.select().from(autoTopUps).where(and(inScope(autoTopUps, scope), eq(autoTopUps.customerId, scope.customerId))),
    db.select().from(autoTopUpAttempts).where(and(inScope(autoTopUpAttempts, scope), eq(autoTopUpAttempts.customerId, scope.customerId))).orderBy(desc(autoTopUpAttempts.createdAt), desc(autoTopUpAttempts.id)).limit(200),
    getPlatformSettings(db, scope),
  ]);
  const accounts: AutoTopUpView[] = balances.map(({ account, asset }) => {
    const currency = asset.kind === "fiat" ? asset.code : settings.currency;
    const rate = asset.kind === "fiat" ? null : topUpRate(asset, currency, now());
    const config = configs.find((c) => c.accountName === account.name && c.assetCode === account.asset);
    const mine = attempts.filter((a) => a.accountName === account.name && a.assetCode === account.asset);
    return {
      accountId: formatAccountId(account.name, account.asset),
      accountName: account.name,
      asset: assetDisplay(asset),
      balance: account.available.toString(),
      currency: currencyDisplay(currency),
      rate: rate ? { price: rate.rate?.toString() ?? null, perCurrency: rate.inverseRate?.toString() ?? null } : null,
      settings: config ? settingsView(config) : null,
      pause: config ? pauseOf(config, mine, settings.autoTopUp.maxChargesPerDay, now()) : null,
      suggested: suggestion(settings.topUp.presets, settings.topUp.minAmount, asset, rate, currency),
      attempts: mine.slice(0, ATTEMPTS_SHOWN).map(attemptView),
    };
  });
  const limits = {
    minAmount: settings.topUp.minAmount.toString(),
    maxAmount: settings.topUp.maxAmount.toString(),
    maxChargesPerDay: settings.autoTopUp.maxChargesPerDay,
  };
  return { accounts, limits };
}

export type AutoTopUpOverview = Awaited<ReturnType<typeof autoTopUpOverview>>;
