import { fiatDigits } from "@/lib/kernel/money/fiat";
import { Decimal, dec } from "@/lib/kernel/money";

// Stripe's minimum charge per settlement currency (docs.stripe.com/currencies#minimum-and-maximum-charge-amounts);
// other currencies use the equivalent of 0.50 in their own units, which Stripe would refuse below anyway.
// A Map, not an object literal: a currency field holding "__proto__" must find nothing, not Object.prototype.
const STRIPE_MINIMUMS = new Map<string, string>(Object.entries({
  USD: "0.50", AED: "2.00", AUD: "0.50", BGN: "1.00", BRL: "0.50", CAD: "0.50", CHF: "0.50", CZK: "15.00",
  DKK: "2.50", EUR: "0.50", GBP: "0.30", HKD: "4.00", HUF: "175.00", INR: "0.50", JPY: "50", MXN: "10",
  MYR: "2", NOK: "3.00", NZD: "0.50", PLN: "2.00", RON: "2.00", SEK: "3.00", SGD: "0.50", THB: "10",
}));

/** Stripe takes at most eight digits of minor units per charge. */
const MAX_MINOR_UNITS = new Decimal("99999999");

export function minorDigits(currency: string): number {
  return fiatDigits(currency) ?? 2;
}

export function providerMinimum(currency: string): Decimal {
  return dec(STRIPE_MINIMUMS.get(currency) ?? "0.50");
}

function providerMaximum(currency: string): Decimal {
  return MAX_MINOR_UNITS.div(new Decimal(10).pow(minorDigits(currency)));
}

/** Why `amount` cannot be charged in `currency`, or null when it can. */
export function chargeAmountProblem(amount: Decimal, currency: string): string | null {
  const digits = minorDigits(currency);
  if (amount.decimalPlaces() > digits) return `${currency} amounts have at most ${digits} decimal places.`;
  if (amount.lt(providerMinimum(currency))) return `Must be at least ${providerMinimum(currency).toFixed(digits)} ${currency}.`;
  if (amount.gt(providerMaximum(currency))) return `Must be at most ${providerMaximum(currency).toFixed(digits)} ${currency}.`;
  return null;
}
