import { currentRate, unitsFor } from "@/lib/domain/assets/rates";
import type { Asset, AssetRate } from "@/lib/domain/assets/types";
import { Decimal, MAX_AMOUNT } from "@/lib/kernel/money";
import { minorDigits } from "@/lib/kernel/money/limits";

/** The rate a top-up converts at: the asset's rate in force, or the platform's override (units per currency unit). */
export interface TopUpRate {
  rate: Decimal | null;
  inverseRate: Decimal | null;
  source: "asset" | "override";
}

/**
 * The most units one top-up may credit. A top-up bonus coupon adds up to 1000 % on top, so a credit
 * and its bonus stay below MAX_AMOUNT, and no payment can be taken that the ledger would then refuse.
 */
export const MAX_TOP_UP_UNITS = MAX_AMOUNT.div(100);

export type Priced = { ok: true; units: Decimal; rate: TopUpRate | null } | { ok: false; field: string; message: string };

function asAssetRate(rate: TopUpRate, currency: string): AssetRate {
  return { source: currency, rate: rate.rate, inverseRate: rate.inverseRate, effectiveAt: new Date(0) };
}

/** The rate in force at `at` for buying `asset` with `currency`, or null when the asset has none. */
export function topUpRate(asset: Asset, currency: string, at: Date, override?: Decimal): TopUpRate | null {
  if (override) return { rate: null, inverseRate: override, source: "override" };
  const found = currentRate(asset, at, currency);
  return found ? { rate: found.rate, inverseRate: found.inverseRate, source: "asset" } : null;
}

/** Units credited for `amount`: 1:1 for a fiat account, at the rate (rounded down to the asset's precision) otherwise. */
export function unitsForAmount(amount: Decimal, rate: TopUpRate | null, precision: number, currency: string): Decimal {
  return rate ? unitsFor(amount, asAssetRate(rate, currency), precision) : amount;
}

/** The smallest amount of `currency` that buys at least `units`. */
export function amountForUnits(units: Decimal, rate: TopUpRate | null, currency: string): Decimal {
  const exact = !rate ? units : rate.rate ? units.times(rate.rate) : units.div(rate.inverseRate!);
  return exact.toDecimalPlaces(minorDigits(currency), Decimal.ROUND_UP);
}

/** Units of the asset per one unit of currency, as the API reports `exchange_rate`. */
export function unitsPerCurrency(rate: TopUpRate | null): Decimal {
  if (!rate) return new Decimal(1);
  return rate.inverseRate ?? new Decimal(1).div(rate.rate!).toDecimalPlaces(12);
}

/** Prices a top-up of `amount` `currency` into `asset`, or says which field makes it impossible. */
export function priceTopUp(asset: Asset, currency: string, amount: Decimal, at: Date, override?: Decimal): Priced {
  if (asset.kind === "fiat") {
    if (asset.code !== currency) return { ok: false, field: "destination.asset", message: `A ${asset.code} account is topped up in ${asset.code}, not ${currency}.` };
    if (override && !override.eq(1)) return { ok: false, field: "destination.exchange_rate", message: "Fiat accounts are credited 1:1; leave exchange_rate out." };
    return { ok: true, units: amount, rate: null };
  }
  const rate = topUpRate(asset, currency, at, override);
  if (!rate) return { ok: false, field: "destination.asset", message: `${asset.code} has no exchange rate from ${currency}; add one or pass exchange_rate.` };
  const units = unitsForAmount(amount, rate, asset.precision, currency);
  if (!units.gt(0)) return { ok: false, field: "amount", message: `Too small to buy any ${asset.code}.` };
  if (units.gte(MAX_TOP_UP_UNITS)) return { ok: false, field: "amount", message: `Would buy ${units.toFixed()} ${asset.code}; one top-up buys less than ${MAX_TOP_UP_UNITS.toFixed()}.` };
  return { ok: true, units, rate };
}
