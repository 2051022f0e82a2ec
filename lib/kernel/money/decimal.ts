import DecimalJs from "decimal.js";

/**
 * The one decimal type for money. 80 significant digits keeps every add and multiply we do exact;
 * exponent thresholds keep `toString()` in plain positional notation for any amount we store.
 */
export const Decimal = DecimalJs.clone({
  precision: 80,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 60,
});
export type Decimal = InstanceType<typeof Decimal>;

/** Ledger amounts carry at most this many fractional digits (matches NUMERIC(38, 12)). */
export const AMOUNT_SCALE = 12;

/**
 * Every amount, price, rate and quantity a request carries, and every fee or top-up computed from
 * them, is below this in magnitude: a quadrillion units, eleven orders of magnitude below what a
 * NUMERIC(38, 12) column holds (10^26). docs/trust.md explains the choice.
 */
export const MAX_AMOUNT = new Decimal("1e15");

/**
 * No ledger account's balance may leave ±MAX_BALANCE: the posting that would take it there is refused
 * (LedgerLimitError). System accounts sum every customer's postings, so it is this bound, checked in
 * the posting transaction, and not the per-request one, that keeps NUMERIC(38, 12) from overflowing.
 */
export const MAX_BALANCE = new Decimal("1e24");

export const ZERO = new Decimal(0);

export function dec(value: string | Decimal | bigint): Decimal {
  return new Decimal(typeof value === "bigint" ? value.toString() : value);
}

/** Rounds to the ledger scale; division results (volume / package size) pass through here. */
export function toLedgerScale(value: Decimal): Decimal {
  return value.toDecimalPlaces(AMOUNT_SCALE, Decimal.ROUND_HALF_EVEN);
}

/** Amount in an integer count of minor units, e.g. 12.34 USD → 1234n. Throws when not exact. */
export function toMinorUnits(amount: Decimal, digits: number): bigint {
  const scaled = amount.times(new Decimal(10).pow(digits));
  if (!scaled.isInteger()) throw new RangeError(`${amount.toString()} has more than ${digits} decimals`);
  return BigInt(scaled.toFixed(0));
}

export function fromMinorUnits(minor: bigint | number, digits: number): Decimal {
  return new Decimal(minor.toString()).div(new Decimal(10).pow(digits));
}
