import { parse } from "lossless-json";
import { JsonNumber } from "./json-number";

export class JsonSyntaxError extends Error {}

/** Parses JSON keeping every number as a JsonNumber. Throws JsonSyntaxError with a readable message. */
export function parseJsonText(text: string): unknown {
  try {
    return parse(text, null, (value: string) => new JsonNumber(value));
  } catch (error) {
    throw new JsonSyntaxError(error instanceof Error ? error.message : "Malformed JSON.");
  }
}

/** Converts JsonNumber leaves to plain numbers where that is lossless, for values we only store. */
export function plainJson(value: unknown): unknown {
  if (value instanceof JsonNumber) return value;
  if (Array.isArray(value)) return value.map(plainJson);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = plainJson(v);
    return out;
  }
  return value;
}
