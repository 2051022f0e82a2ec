import { AMOUNT_SCALE, Decimal, MAX_ABS_AMOUNT } from "./decimal";

const NUMBER_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

export type ParseResult = { ok: true; value: Decimal } | { ok: false; message: string };

/**
 * Parses the source text of a JSON number into an exact decimal, refusing anything that
 * is not finite, too large, or more precise than `scale` fractional digits.
 */
export function parseDecimalText(text: string, scale: number = AMOUNT_SCALE): ParseResult {
  if (!NUMBER_TEXT.test(text)) return { ok: false, message: "Must be a finite number." };
  const exponent = /[eE]([+-]?\d+)$/.exec(text);
  if (exponent && Math.abs(Number(exponent[1])) > 60) {
    return { ok: false, message: "Number is out of range." };
  }
  const value = new Decimal(text);
  if (value.abs().gte(MAX_ABS_AMOUNT)) return { ok: false, message: "Number is out of range." };
  if (value.decimalPlaces() > scale) {
    return { ok: false, message: `At most ${scale} decimal places are allowed.` };
  }
  return { ok: true, value: value.isZero() ? new Decimal(0) : value };
}
