import { parse } from "lossless-json";
import { JsonNumber } from "./json-number";

export class JsonSyntaxError extends Error {}

/**
 * No request needs JSON nested deeper than this; refusing it before parsing keeps every recursive
 * walk (the parser's, ours, the database's jsonb code) far from any stack limit, on PGlite as on Postgres.
 */
const MAX_JSON_DEPTH = 64;

/** The deepest nesting of arrays and objects in `text`, counted without parsing (stops past `limit`). */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}

/**
 * Parses JSON keeping every number as a JsonNumber. Throws JsonSyntaxError with a readable message.
 * `maxDepth` is for text Billfold stored itself (Infinity: rows written before the bound existed).
 */
export function parseJsonText(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (maxDepth !== Infinity && jsonDepth(text, maxDepth) > maxDepth) throw new JsonSyntaxError(`nested deeper than ${maxDepth} levels.`);
  try {
    return parse(text, null, (value: string) => new JsonNumber(value));
  } catch (error) {
    throw new JsonSyntaxError(error instanceof Error ? error.message : "Malformed JSON.");
  }
}

