import { JsonNumber } from "@/lib/kernel/json";

/** Client-supplied ids (event id, transaction_id, external ids) and every path segment: at most this many UTF-16 units. */
export const MAX_ID_LENGTH = 255;

// With the u flag \p{Cs} matches only a surrogate that is not half of a pair.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Why `text` cannot be stored and read back unchanged, or null when it can. Postgres text and jsonb
 * refuse NUL; a lone UTF-16 surrogate (a string cut in the middle of an emoji) has no UTF-8 form, so
 * the driver would store U+FFFD instead and the id read back would not be the id sent.
 */
export function storableTextProblem(text: string): string | null {
  if (text.includes("\u0000")) return "Must not contain the NUL character.";
  if (LONE_SURROGATE.test(text)) return "Must be well-formed Unicode: it holds half of a surrogate pair (a character cut in two).";
  return null;
}

/**
 * The instants Billfold accepts anywhere (1970-01-01 to the end of 9999, UTC): JS Date, Postgres and
 * PGlite hold them all, ISO-8601 writes them with four-digit years, and billing has no use beyond.
 */
const TIMESTAMP_MIN = new Date("1970-01-01T00:00:00.000Z");
const TIMESTAMP_MAX = new Date("9999-12-31T23:59:59.999Z");
export const TIMESTAMP_RANGE_MESSAGE = "Must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z.";

export function inTimestampRange(date: Date): boolean {
  const t = date.getTime();
  return Number.isFinite(t) && t >= TIMESTAMP_MIN.getTime() && t <= TIMESTAMP_MAX.getTime();
}

/** A YYYY-MM-DD that is a real calendar day (no 2026-02-30, which JS Date would roll into March) within the range. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return inTimestampRange(date) && date.toISOString().slice(0, 10) === value;
}

export interface JsonShape {
  /** Containers nested inside the value, the value itself counting as one. */
  maxDepth: number;
  /** Size of its JSON text in UTF-8 bytes. */
  maxBytes: number;
}

// A double holds ±1.8e308; anything beyond would come back from jsonb as Infinity.
const JSON_NUMBER = /^-?\d{1,64}(\.\d{1,64})?([eE][+-]?\d{1,3})?$/;

function numberProblem(n: JsonNumber): string | null {
  return JSON_NUMBER.test(n.text) && Number.isFinite(Number(n.text)) ? null : "Holds a number out of range.";
}

/**
 * Why a free-form JSON value is too deep, too big or holds a number no database returns unchanged, or
 * null. Iterative, so no nesting can exhaust the stack; the same rule holds on PGlite and Postgres.
 */
export function jsonShapeProblem(value: unknown, shape: JsonShape): string | null {
  const stack: [unknown, number][] = [[value, 1]];
  let bytes = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v instanceof JsonNumber) {
      const problem = numberProblem(v);
      if (problem) return problem;
      bytes += v.text.length + 1;
    } else if (v && typeof v === "object") {
      if (depth > shape.maxDepth) return `Nested deeper than ${shape.maxDepth} levels.`;
      for (const [key, child] of Object.entries(v)) {
        bytes += Array.isArray(v) ? 1 : Buffer.byteLength(key) + 4;
        stack.push([child, depth + 1]);
      }
      bytes += 2;
    } else {
      bytes += typeof v === "string" ? Buffer.byteLength(v) + 2 : String(v).length + 1;
    }
    if (bytes > shape.maxBytes) return `Larger than ${shape.maxBytes} bytes of JSON.`;
  }
  return null;
}
