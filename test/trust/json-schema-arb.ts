import fc from "fast-check";
import { JsonNumber } from "@/lib/kernel/json";
import { EDGE_TIMES, edgeNumber, hostileString, nestedJson } from "./hostile-values";

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

/** Values to prefer for fields by name, so generated payloads also reach past the id lookups. */
export type Hints = Record<string, unknown[]>;

/** `edges: false` generates only values of the shapes the schema accepts (the base an aimed probe changes in one place). */
interface Options {
  hints: Hints;
  edges: boolean;
}

// Mostly values the schema accepts, so probes reach past validation; now and then one at or past an edge.
const mostly = <T>(o: Options, valid: fc.Arbitrary<T>, edge: fc.Arbitrary<T>) =>
  o.edges ? fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: edge }) : valid;

const FORMATS: Record<string, (o: Options) => fc.Arbitrary<string>> = {
  "date-time": (o) =>
    mostly(o, fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom(...EDGE_TIMES)),
  email: (o) => mostly(o, fc.constantFrom("a@example.com", "billing+x@example.org"), hostileString(320)),
  uri: (o) => mostly(o, fc.constantFrom("https://example.com/r", "https://app.example.com/x?y=1"), hostileString(2048)),
};

function stringArb(s: JsonSchema, o: Options): fc.Arbitrary<string> {
  if (s.format && Object.hasOwn(FORMATS, s.format)) return FORMATS[s.format]!(o);
  const edge = hostileString(s.maxLength ?? 20);
  if (s.pattern) {
    const matching = fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? Infinity) && v.length >= (s.minLength ?? 0));
    return mostly(o, matching, edge);
  }
  return mostly(o, fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 20, 20) }), edge);
}

/** Numbers as exact JSON number texts (JsonNumber), so 999999999999999.999999999999 reaches the server as written. */
function numberArb(s: JsonSchema, integer: boolean, o: Options): fc.Arbitrary<JsonNumber> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 0.01) : -1000);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 0.01) : 1000);
  const valid = integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, 2 ** 31)) }).map(String)
    : fc.integer({ min: Math.ceil(Math.max(min, -1e6) * 100), max: Math.floor(Math.min(max, 1e6) * 100) }).map((n) => String(n / 100));
  return mostly(o, valid.map((text) => new JsonNumber(text)), edgeNumber(s.minimum ?? s.exclusiveMinimum, s.maximum ?? s.exclusiveMaximum, integer));
}

/** Free-form JSON (a record without properties): small values mostly, now and then deep, huge or unstorable. */
function freeFormArb(o: Options): fc.Arbitrary<Record<string, unknown>> {
  const leaf = fc.oneof(fc.string({ maxLength: 8 }), fc.integer().map((n) => new JsonNumber(String(n))), fc.boolean());
  const edge = fc.oneof(hostileString(200), edgeNumber(undefined, undefined, false), fc.constantFrom(nestedJson(16), nestedJson(17), nestedJson(4_000), "x".repeat(40_000)));
  return fc.dictionary(mostly(o, fc.string({ minLength: 1, maxLength: 8 }), hostileString(200)), mostly(o, leaf, edge as fc.Arbitrary<unknown>), { maxKeys: 3 });
}

function objectArb(s: JsonSchema, o: Options, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  if (Object.keys(props).length === 0) return freeFormArb(o);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(props)) {
    const base = arbitraryOf(sub, o, depth + 1);
    const hinted = Object.hasOwn(o.hints, name) ? fc.constantFrom(...o.hints[name]!) : null;
    record[name] = !hinted ? base : o.edges ? fc.oneof({ weight: 3, arbitrary: hinted }, { weight: 1, arbitrary: base }) : hinted;
  }
  return fc.record(record, { requiredKeys: (s.required ?? []).filter((k) => k in record) });
}

/**
 * An arbitrary of values the JSON Schema (as z.toJSONSchema writes it) accepts, most of the time, and now
 * and then one at or past an edge (`edges`, the default). Numbers are JsonNumbers, exact as written.
 */
export function arbitraryFor(s: JsonSchema, hints: Hints = {}, edges = true): fc.Arbitrary<unknown> {
  return arbitraryOf(s, { hints, edges }, 0);
}

function arbitraryOf(s: JsonSchema, o: Options, depth: number): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const choices = s.anyOf ?? s.oneOf;
  if (choices) return fc.oneof(...choices.map((c) => arbitraryOf(c, o, depth)));
  if (s.allOf?.length) return arbitraryOf(s.allOf[0]!, o, depth);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "string":
      return stringArb(s, o);
    case "integer":
    case "number":
      return numberArb(s, type === "integer", o);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const minLength = s.minItems ?? 0;
      return fc.array(depth > 4 ? fc.constant(null) : arbitraryOf(s.items ?? {}, o, depth + 1), { minLength, maxLength: Math.max(minLength, Math.min(s.maxItems ?? 3, 3)) });
    }
    case "object":
      return objectArb(s, o, depth);
    default:
      return mostly(o, fc.oneof(fc.string({ maxLength: 8 }), fc.integer().map((n) => new JsonNumber(String(n))), fc.boolean()), hostileString(8));
  }
}
