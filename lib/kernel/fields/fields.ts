import { z } from "zod";
import { JsonNumber } from "@/lib/kernel/json";
import { AMOUNT_SCALE, Decimal, parseDecimalText } from "@/lib/kernel/money";
import { isFiat } from "@/lib/kernel/money/fiat";
import {
  MAX_ID_LENGTH,
  TIMESTAMP_RANGE_MESSAGE,
  inTimestampRange,
  isCalendarDate,
  jsonShapeProblem,
  storableTextProblem,
  type JsonShape,
} from "./field-checks";

/*
 * The vocabulary every request schema is written in (bodies, queries, path segments). Each field
 * accepts only what both databases store and return unchanged and what no later step can choke on:
 * text is well-formed Unicode without NUL and bounded, numbers are exact and below 10^15, timestamps
 * fall in 1970–9999, free-form JSON is bounded in depth and size.
 */

export { MAX_ID_LENGTH } from "./field-checks";

const isJsonNumber = (v: unknown): v is JsonNumber => v instanceof JsonNumber;

interface DecimalOptions {
  scale?: number;
  positive?: boolean;
  nonZero?: boolean;
  nonNegative?: boolean;
}

function lowerBound(options: DecimalOptions): { minimum: number } | { exclusiveMinimum: number } {
  if (options.positive) return { exclusiveMinimum: 0 };
  return options.nonNegative ? { minimum: 0 } : { exclusiveMinimum: -1e15 };
}

/** An exact decimal from a JSON number, below 10^15 in magnitude (strings, NaN, Infinity and 1e309 are refused). */
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
    .meta({ type: "number", ...lowerBound(options), exclusiveMaximum: 1e15 });
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

interface TextOptions {
  /** At least this many characters after trimming (1 refuses an empty string). */
  min?: number;
  trim?: boolean;
  pattern?: { regex: RegExp; message: string };
}

/** Text of at most `max` UTF-16 units that both databases store and return unchanged. */
export function textField(max: number, options: TextOptions = {}) {
  let schema = z.string();
  if (options.trim) schema = schema.trim();
  if (options.min) schema = schema.min(options.min, "Must not be empty.");
  schema = schema.max(max, `Must be at most ${max} characters.`).superRefine((text, ctx) => {
    const problem = storableTextProblem(text);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
  return options.pattern ? schema.regex(options.pattern.regex, options.pattern.message) : schema;
}

/** A client-supplied id (event id, transaction_id, external id) or a reference to one of ours: compared exactly, never trimmed. */
export const idField = (max = MAX_ID_LENGTH) => textField(max, { min: 1 });

/** A name or label: trimmed, not empty. */
export const shortText = (max = 255) => textField(max, { min: 1, trim: true });

export const optionalText = (max = 1000) => textField(max).nullish();

/** Text restricted to a pattern (codes, colours): the pattern says what, the field still bounds it. */
export const patternField = (regex: RegExp, message: string, max = 255) => textField(max, { pattern: { regex, message } });

/** ISO-8601 with an offset, e.g. 2025-10-17T21:21:27.024729Z, naming an instant from 1970 to the end of 9999 (UTC). */
export const timestampField = () =>
  z.iso
    .datetime({ offset: true, message: "Must be an ISO-8601 timestamp such as 2025-01-31T12:00:00Z." })
    .transform((v, ctx) => {
      const date = new Date(v);
      if (!inTimestampRange(date)) {
        ctx.addIssue({ code: "custom", message: TIMESTAMP_RANGE_MESSAGE });
        return z.NEVER;
      }
      return date;
    });

/**
 * An integer from a query string (or a number, from a server component) in [min, max]; anything else is
 * `fallback`, for portal lists that ignore a bad parameter rather than refuse the page.
 */
export const lenientIntField = (min: number, max: number, fallback: number) =>
  z.unknown().optional().transform((v) => {
    const n = typeof v === "number" ? v : typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : NaN;
    return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
  });

/** A calendar day YYYY-MM-DD from 1970 to 9999 that exists (no 2026-02-30). */
export const calendarDateField = () => z.string().refine(isCalendarDate, "Must be a day such as 2026-01-31 (1970 to 9999).");

/** A month YYYY-MM from 1970 to 9999. */
export const monthField = () =>
  z.string().refine((v) => /^\d{4}-(0[1-9]|1[0-2])$/.test(v) && isCalendarDate(`${v}-01`), "Must be a month such as 2026-11 (1970 to 9999).");

/** String-to-string metadata, as Credyt accepts it; bounded so it cannot be used to store blobs. */
export const metadataField = () =>
  z
    .record(textField(40, { min: 1 }), textField(500))
    .refine((m) => Object.keys(m).length <= 50, "At most 50 keys.")
    .nullish();

/** Free-form JSON (an event's `data`): an object whose depth, size and numbers both databases hold and return. */
export const jsonObjectField = (shape: JsonShape = { maxDepth: 16, maxBytes: 32_768 }) =>
  z.record(textField(200), z.unknown()).superRefine((value, ctx) => {
    const problem = jsonShapeProblem(value, shape);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** An email address (ASCII, as zod's pattern has it). */
export const emailField = () => z.email("Must be an email address.").max(320);

/** An absolute http(s) URL of reasonable length. Allowed-origin checks happen in lib/urls. */
export const urlField = () => textField(2048);

export const assetCodeField = () =>
  textField(20, { min: 1, pattern: { regex: /^[A-Za-z][A-Za-z0-9_]*$/, message: "Letters, digits and underscores, starting with a letter." } });

/** Three capital letters, the shape of an ISO 4217 code; lib/kernel/money/fiat.ts says which are currencies. */
export const currencyCodeField = () => patternField(/^[A-Z]{3}$/, "Must be a fiat currency code such as USD.", 3);

/** A request field naming a fiat currency (USD, EUR, JPY…). */
export const fiatCurrencyField = () => currencyCodeField().refine(isFiat, "Not a supported fiat currency.");

/** A path segment of a route (an id, a code, a version): the same text rules as an id. */
export const pathParamField = () => idField();
