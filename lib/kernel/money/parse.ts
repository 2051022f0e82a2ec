import { AMOUNT_SCALE, Decimal, MAX_AMOUNT } from "./decimal";

const NUMBER_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

// 15 integer digits, 12 decimals, sign, point and exponent fit with room to spare; more is not a number we could hold.
const MAX_NUMBER_TEXT = 100;
const OUT_OF_RANGE = "Number is out of range: its magnitude must be below 10^15.";

export type ParseResult = { ok: true; value: Decimal } | { ok: false; message: string };

/**
 * Parses the source text of a JSON number into an exact decimal, refusing anything that
 * is not finite, not below MAX_AMOUNT in magnitude, or more precise than `scale` fractional digits.
 */
export function parseDecimalText(text: string, scale: number = AMOUNT_SCALE): ParseResult {
  if (!NUMBER_TEXT.test(text)) return { ok: false, message: "Must be a finite number." };
  const exponent = /[eE]([+-]?\d+)$/.exec(text);
  if (text.length > MAX_NUMBER_TEXT || (exponent && Math.abs(Number(exponent[1])) > 60)) return { ok: false, message: OUT_OF_RANGE };
  const value = new Decimal(text);
  if (value.abs().gte(MAX_AMOUNT)) return { ok: false, message: OUT_OF_RANGE };
  if (value.decimalPlaces() > scale) {
    return { ok: false, message: `At most ${scale} decimal places are allowed.` };
  }
  return { ok: true, value: value.isZero() ? new Decimal(0) : value };
}
