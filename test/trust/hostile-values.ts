import fc from "fast-check";
import { JsonNumber } from "@/lib/kernel/json";

/**
 * Values at and past every edge a request field has, for the input fuzzer: text from the whole of
 * UTF-16 (lone surrogates and NUL included), numbers at and beyond each bound, instants at the
 * calendar's edges, raw percent-escapes for path segments. Each list is what one class of 500 was made of.
 */

export const HOSTILE_STRINGS = [
  "\u0000", "a\u0000b", "\ud800", "free_1_\ud83d", "\udc00x", "x\udfff", "\ud83d\ud83d", "😀", "👩‍👩‍👧", "\u202eevil\u202c",
  "﷽", "Ａ", "\uffff", "\ufffe", "e\u0301", "", " ", "%", "%25", "%ff", "__proto__", "constructor", "\\", "\"", "'; --",
];

/** One UTF-16 code unit of any value, a whole astral character, or a notorious one. */
const anyUnit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  fc.constantFrom("\u0000", "\ud800", "\udbff", "\udc00", "\udfff"),
);

/** Strings of any UTF-16 content around a length bound (at it and one past it). */
export function hostileString(maxLength = 20): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.string({ unit: anyUnit, maxLength: Math.min(maxLength + 1, 40) }),
    fc.constantFrom("x".repeat(maxLength), "x".repeat(maxLength + 1)),
  );
}

/** Instants inside and just outside 1970–9999, impossible days, offsets that cross a year. */
export const EDGE_TIMES = [
  "1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59Z", "1969-12-31T23:59:59.999Z", "0000-01-01T00:00:00Z",
  "0001-01-01T00:00:00Z", "9999-12-31T23:59:59-23:59", "1970-01-01T00:00:00+23:59", "2026-02-30T00:00:00Z", "2024-02-29T12:00:00+14:00",
  "2026-12-31T24:00:00Z", "+275760-09-13T00:00:00Z", "-000001-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "2026-01-01T00:00:00.123456789Z",
];

/** Texts of JSON numbers at and past the bounds of a number field (10^15, 12 decimals, safe integers). */
export function edgeNumbers(min: number | undefined, max: number | undefined, integer: boolean): string[] {
  const around = (n: number) => (integer ? [n - 1, n, n + 1].map(String) : [String(n)]);
  const bounds = [...(min === undefined ? [] : around(min)), ...(max === undefined ? [] : around(max))];
  const decimals = integer ? [] : ["999999999999999.999999999999", "-999999999999999.999999999999", "0.000000000001", "0.0000000000001", "1e-13"];
  const beyond = ["1e15", "-1e15", "1000000000000000", "999999999999999999999999.999999999999", "9007199254740993", "1e400", "-0", "0"];
  return [...bounds, ...decimals, ...beyond];
}

export const edgeNumber = (min: number | undefined, max: number | undefined, integer: boolean) =>
  fc.constantFrom(...edgeNumbers(min, max, integer)).map((text) => new JsonNumber(text));

/** Raw (still encoded) path segments: escapes that do not decode, NUL, and an escaped percent sign. */
export const PATH_SEGMENTS = ["%25", "%00", "%ff", "%ED%A0%80", "%C0%AF", "%", "%E2%82", "%F0%9F%98%80", "%2F", "..", " ", "x".repeat(300)];

/** Free-form JSON nested `levels` deep. */
export const nestedJson = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
};
