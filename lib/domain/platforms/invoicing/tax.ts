import { Decimal, ZERO } from "@/lib/kernel/money";
import { minorDigits } from "@/lib/kernel/money/limits";
import type { TaxBehavior, TaxRate } from "@/lib/domain/platforms/invoicing/settings";

/** The tax on one payment: `total` is what the customer is charged, `net` what the price is without tax. */
export interface TaxQuote {
  source: "rate_table" | "stripe_tax";
  behavior: TaxBehavior;
  country: string | null;
  name: string | null;
  /** Percent; null when Stripe Tax computed the amount. */
  rate: Decimal | null;
  net: Decimal;
  tax: Decimal;
  total: Decimal;
}

const roundMinor = (value: Decimal, currency: string) => value.toDecimalPlaces(minorDigits(currency), Decimal.ROUND_HALF_UP);

/**
 * Applies the platform's rate for the buyer's country to a price, as the platform set prices
 * (tax-exclusive: tax comes on top; tax-inclusive: tax is the part of the price above the net).
 * This is the whole of the tax logic outside Stripe Tax: one rate per country, from the table.
 */
export function quoteFromTable(rates: TaxRate[], behavior: TaxBehavior, country: string | null, price: Decimal, currency: string): TaxQuote {
  const rate = country ? rates.find((r) => r.country === country) : undefined;
  const base = { source: "rate_table" as const, behavior, country, name: rate?.name ?? null, rate: rate?.percent ?? null };
  if (!rate || rate.percent.isZero()) return { ...base, net: price, tax: ZERO, total: price };
  if (behavior === "exclusive") {
    const tax = roundMinor(price.times(rate.percent).dividedBy(100), currency);
    return { ...base, net: price, tax, total: price.plus(tax) };
  }
  const tax = roundMinor(price.times(rate.percent).dividedBy(rate.percent.plus(100)), currency);
  return { ...base, net: price.minus(tax), tax, total: price };
}
