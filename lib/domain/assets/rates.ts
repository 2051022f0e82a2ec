import { Decimal } from "@/lib/kernel/money";
import type { Asset, AssetRate } from "./types";

/** The rate in force at `at` for `source` (the asset's first source when omitted). */
export function currentRate(asset: Asset, at: Date, source?: string): AssetRate | null {
  const wanted = source ?? asset.rates[0]?.source;
  let best: AssetRate | null = null;
  for (const r of asset.rates) {
    if (r.source !== wanted || r.effectiveAt > at) continue;
    if (!best || r.effectiveAt > best.effectiveAt) best = r;
  }
  return best;
}

/** Fiat value of `units` of the asset at this rate. */
export function fiatValueOf(units: Decimal, rate: AssetRate): Decimal {
  return rate.rate ? units.times(rate.rate) : units.div(rate.inverseRate!);
}

/** Units that `money` buys at this rate, rounded down to the asset's precision (never credit more than paid). */
export function unitsFor(money: Decimal, rate: AssetRate, precision: number): Decimal {
  const units = rate.rate ? money.div(rate.rate) : money.times(rate.inverseRate!);
  return units.toDecimalPlaces(precision, Decimal.ROUND_DOWN);
}

/** Fiat price of one unit, whichever way the rate was given. */
export function unitPrice(rate: AssetRate): Decimal {
  return rate.rate ?? new Decimal(1).div(rate.inverseRate!);
}
