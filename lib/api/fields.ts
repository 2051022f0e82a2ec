import { z } from "zod";
import { JsonNumber } from "@/lib/json";
import { AMOUNT_SCALE, Decimal, parseDecimalText } from "@/lib/money";

const isJsonNumber = (v: unknown): v is JsonNumber => v instanceof JsonNumber;

interface DecimalOptions {
  scale?: number;
  positive?: boolean;
  nonZero?: boolean;
  nonNegative?: boolean;
}

/** An exact decimal from a JSON number (strings, NaN, Infinity and 1e309 are refused). */
export function decimalField(options: DecimalOptions = {}) {
  return z
    .custom<JsonNumber>(isJsonNumber, { message: "Must be a number." })
    .transform((v, ctx): Decimal => {
      const parsed = parseDecimalText(v.text, options.scale ?? AMOUNT_SCALE);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      }
      const value = parsed.value;
      if (options.positive && !value.gt(0)) ctx.addIssue({ code: "custom", message: "Must be greater than 0." });
      if (options.nonZero && value.isZero()) ctx.addIssue({ code: "custom", message: "Must not be 0." });
      if (options.nonNegative && value.lt(0)) ctx.addIssue({ code: "custom", message: "Must not be negative." });
      return value;
    })
    .meta({ type: "number" });
}

/** A safe integer from a JSON number. */
export function intField(min: number, max: number) {
  return z
    .custom<JsonNumber>(isJsonNumber, { message: "Must be an integer." })
    .transform((v, ctx): number => {
      const n = Number(v.text);
      if (!/^-?\d+$/.test(v.text) || !Number.isSafeInteger(n)) {
        ctx.addIssue({ code: "custom", message: "Must be an integer." });
        return z.NEVER;
      }
      if (n < min || n > max) ctx.addIssue({ code: "custom", message: `Must be between ${min} and ${max}.` });
      return n;
    })
    .meta({ type: "integer", minimum: min, maximum: max });
}

export const shortText = (max = 255) => z.string().trim().min(1, "Must not be empty.").max(max);

export const optionalText = (max = 1000) => z.string().max(max).nullish();

/** ISO-8601 with an offset, e.g. 2025-10-17T21:21:27.024729Z. */
export const timestampField = () =>
  z.iso
    .datetime({ offset: true, message: "Must be an ISO-8601 timestamp such as 2025-01-31T12:00:00Z." })
    .transform((v) => new Date(v));

/** String-to-string metadata, as Credyt accepts it; bounded so it cannot be used to store blobs. */
export const metadataField = () =>
  z
    .record(z.string().max(40), z.string().max(500))
    .refine((m) => Object.keys(m).length <= 50, "At most 50 keys.")
    .nullish();

/** An absolute http(s) URL of reasonable length. Allowed-origin checks happen in lib/urls. */
export const urlField = () => z.string().max(2048, "URL is too long.");

export const assetCodeField = () =>
  z
    .string()
    .min(1, "Must not be empty.")
    .max(20)
    .regex(/^[A-Za-z][A-Za-z0-9_]*$/, "Letters, digits and underscores, starting with a letter.");
