import { Decimal, MAX_AMOUNT, toLedgerScale } from "@/lib/kernel/money";
import { JsonNumber } from "@/lib/kernel/json";
import { parseDecimalText } from "@/lib/kernel/money";
import type { Rate, UsageType } from "./types";

const ONE = new Decimal(1);
const TEN = 10n;

function scaled(value: Decimal): { int: bigint; places: number } {
  const places = value.decimalPlaces();
  return { int: BigInt(value.times(new Decimal(10).pow(places)).toFixed(0)), places };
}

/**
 * (a × b) / c rounded half-even to the ledger scale, computed on integers so the rounding is exact
 * whatever digits the quotient has (a long run of zeros after a 5 cannot fool it).
 */
export function mulDivToLedgerScale(a: Decimal, b: Decimal, c: Decimal): Decimal {
  if (c.eq(ONE)) return toLedgerScale(a.times(b));
  const x = scaled(a.times(b));
  const y = scaled(c);
  // value × 10^12 = (X / 10^px) / (Y / 10^py) × 10^12 = X × 10^(py + 12) / (Y × 10^px)
  const numerator = x.int * TEN ** BigInt(y.places + 12);
  const denominator = y.int * TEN ** BigInt(x.places);
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let q = n / d;
  const twiceRemainder = (n % d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && q % 2n === 1n)) q += 1n;
  const result = new Decimal((negative ? -q : q).toString()).div(new Decimal(10).pow(12));
  return toLedgerScale(result);
}

export type VolumeResult = { ok: true; value: Decimal } | { ok: false; reason: string };

/** The event's volume: a non-negative JSON number at `data[field]`. */
export function readVolume(data: Readonly<Record<string, unknown>>, field: string): VolumeResult {
  const raw = Object.hasOwn(data, field) ? data[field] : undefined;
  if (raw === undefined || raw === null) return { ok: false, reason: `data.${field} is missing.` };
  let text: string;
  if (raw instanceof JsonNumber) text = raw.text;
  else if (typeof raw === "number" && Number.isFinite(raw)) text = String(raw);
  else return { ok: false, reason: `data.${field} must be a number.` };
  const parsed = parseDecimalText(text);
  if (!parsed.ok) return { ok: false, reason: `data.${field}: ${parsed.message}` };
  if (parsed.value.lt(0)) return { ok: false, reason: `data.${field} must not be negative.` };
  return { ok: true, value: parsed.value };
}

export type AmountResult = { ok: true; amount: Decimal; quantity: Decimal } | { ok: false; reason: string };

/**
 * The fee for one event at one rate: unit → unit_price; volume → volume / package_size × volume_rate;
 * unit_and_volume → both. Exact, at the ledger scale.
 */
export function feeAmount(usageType: UsageType, rate: Rate, volume: Decimal | null): AmountResult {
  let amount = new Decimal(0);
  if (usageType !== "volume" && rate.unitPrice) amount = amount.plus(rate.unitPrice);
  if (usageType !== "unit" && rate.volumeRate && volume) {
    amount = amount.plus(mulDivToLedgerScale(volume, rate.volumeRate, rate.packageSize ?? ONE));
  }
  if (amount.abs().gte(MAX_AMOUNT)) return { ok: false, reason: "The fee is out of range (10^15 or more)." };
  return { ok: true, amount, quantity: usageType === "unit" ? ONE : (volume ?? ONE) };
}
