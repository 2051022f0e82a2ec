import { randomBytes } from "node:crypto";
import { Decimal } from "@/lib/kernel/money/decimal";
import { JsonNumber } from "./json-number";

// A per-process nonce makes the placeholder impossible to forge from user-supplied strings.
const NONCE = randomBytes(8).toString("hex");
const MARK = `\u0001${NONCE}:`;
const PLACEHOLDER = new RegExp(`"\\\\u0001${NONCE}:(-?[0-9.eE+-]+)\\\\u0001"`, "g");

/**
 * JSON.stringify that writes Decimal and JsonNumber values as exact JSON numbers
 * (`14.566678`, never a float approximation) while keeping native speed for the rest.
 */
export function stringifyJson(value: unknown): string {
  let marked = false;
  const text = JSON.stringify(value, function replacer(this: Record<string, unknown>, key, v) {
    const original = this[key];
    if (original instanceof Decimal) {
      marked = true;
      return `${MARK}${original.toString()}\u0001`;
    }
    if (original instanceof JsonNumber) {
      marked = true;
      return `${MARK}${original.text}\u0001`;
    }
    return v;
  });
  return marked ? text.replace(PLACEHOLDER, "$1") : text;
}
