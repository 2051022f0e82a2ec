import { JsonNumber, stringifyJson } from "@/lib/kernel/json";
import type { JsonSchema } from "./json-schema-arb";
import { EDGE_TIMES, HOSTILE_STRINGS, PATH_SEGMENTS, edgeNumbers, nestedJson } from "./hostile-values";

export const MUTATIONS = [
  "none",
  "drop-required",
  "wrong-type",
  "huge-string",
  "unicode",
  "unicode-key",
  "deep-nesting",
  "extra-field",
  "number-edge",
  "time-edge",
  "big-array",
  "not-json",
  "query-escape",
  "path-escape",
] as const;
export type Mutation = (typeof MUTATIONS)[number];

/** The mutations that change a body, a query string or a path segment; "none" applies to every request. */
export const BODY_MUTATIONS: readonly Mutation[] = ["drop-required", "wrong-type", "huge-string", "unicode", "unicode-key", "deep-nesting", "extra-field", "number-edge", "time-edge", "big-array", "not-json"];
export const QUERY_MUTATIONS: readonly Mutation[] = ["drop-required", "wrong-type", "huge-string", "unicode", "extra-field", "number-edge", "time-edge", "big-array", "query-escape"];
export const PATH_MUTATIONS: readonly Mutation[] = ["path-escape"];

const RAW = "\u0001raw\u0001";
const WRONG = [123, "text", true, null, {}, [], [1, 2]];
const NUMBERS = ["1e400", "-1e400", '"NaN"', '"Infinity"', "-0", "1e-400", "9007199254740993", '"1e400"', "0.1e-7", '"-0"', ...edgeNumbers(0, 1e15, false)];
const QUERY_ESCAPES = ["%ff", "%00", "%ED%A0%80", "%", "%25", "%C0%AF", "a%2Fb", "%F0%9F%98%80"];

/** A `pick` (any integer) chooses among the schema's fields and the variants of a mutation, deterministically. */
function field(schema: JsonSchema, pick: number, required = false): string | undefined {
  const names = required ? (schema.required ?? []) : Object.keys(schema.properties ?? {});
  return names.length ? names[pick % names.length] : undefined;
}

/** A date-time field when the schema has one (time-edge aims there), else any field. */
function timeField(schema: JsonSchema, pick: number): string | undefined {
  const times = Object.entries(schema.properties ?? {}).filter(([, s]) => s.format === "date-time" || s.anyOf?.some((c) => c.format === "date-time"));
  return times.length ? times[pick % times.length]![0] : field(schema, pick);
}

const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;

/**
 * The JSON text of a body mutated as `kind` says; raw JSON so numbers like 1e400 reach the parser as sent,
 * and written by stringifyJson so exact numbers (JsonNumber) keep every digit. Lone surrogates leave
 * JSON.stringify as \\udXXX escapes, which the server's parser turns back into lone surrogates.
 */
export function mutateBody(value: unknown, schema: JsonSchema, kind: Mutation, pick: number): string {
  const obj: Record<string, unknown> = value && typeof value === "object" && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
  const name = field(schema, pick) ?? "name";
  let raw: string | null = null;
  switch (kind) {
    case "drop-required":
      delete obj[field(schema, pick, true) ?? name];
      break;
    case "wrong-type":
      obj[name] = WRONG[pick % WRONG.length];
      break;
    case "huge-string":
      obj[name] = "x".repeat(pick % 2 ? 100_000 : 2_000_000);
      break;
    case "unicode":
      obj[name] = HOSTILE_STRINGS[pick % HOSTILE_STRINGS.length];
      break;
    case "unicode-key":
      obj[name] = { [`k${HOSTILE_STRINGS[pick % HOSTILE_STRINGS.length]}`]: "v" };
      break;
    case "deep-nesting":
      // A whole body nested 200 or 5,000 deep, or a field (free-form data, metadata) nested 17 or 4,000 deep.
      if (pick % 4 < 2) raw = deep(pick % 2 ? 200 : 5_000);
      else obj[name] = nestedJson(pick % 2 ? 17 : 4_000);
      break;
    case "extra-field":
      return stringifyJson(obj).replace(/^\{/, `{"__proto__":{"admin":true},"unexpected_${pick % 100}":1,`).replace(/,}$/, "}");
    case "number-edge":
      raw = NUMBERS[pick % NUMBERS.length]!;
      break;
    case "time-edge":
      obj[timeField(schema, pick) ?? name] = EDGE_TIMES[pick % EDGE_TIMES.length];
      break;
    case "big-array":
      obj[name] = Array.from({ length: 10_000 }, (_, i) => (pick % 2 ? i : { id: `x${i}` }));
      break;
    case "not-json":
      return ["{", "null", "[]", '"text"', '{"a":1,}', "\u0000", "", '{"a":"\\ud800"', '{"a":"\\u00"}'][pick % 9]!;
    default:
      return stringifyJson(value);
  }
  if (raw === null) return stringifyJson(obj);
  obj[name] = RAW;
  return stringifyJson(obj).replace(JSON.stringify(RAW), raw);
}

const queryValue = (v: unknown) => (v instanceof JsonNumber ? v.text : typeof v === "object" ? JSON.stringify(v) : String(v));

/** A query string from generated values, mutated the same ways where a query can be. */
export function mutateQuery(value: unknown, schema: JsonSchema, kind: Mutation, pick: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries((value ?? {}) as Record<string, unknown>)) if (v !== undefined && v !== null) params.set(k, queryValue(v));
  const name = field(schema, pick) ?? "limit";
  let raw = "";
  switch (kind) {
    case "drop-required":
      params.delete(field(schema, pick, true) ?? name);
      break;
    case "wrong-type":
      params.set(name, ["[]", "{}", "true", "-1", "abc", "1.5"][pick % 6]!);
      break;
    case "huge-string":
      params.set(name, "x".repeat(pick % 2 ? 10_000 : 100_000));
      break;
    case "unicode":
      params.set(name, HOSTILE_STRINGS[pick % HOSTILE_STRINGS.length]!);
      break;
    case "number-edge":
      params.set(name, ["1e400", "NaN", "Infinity", "-0", "9007199254740993", "-1e400", "0x10", "", "1e15", "999999999"][pick % 10]!);
      break;
    case "time-edge":
      params.set(name, [...EDGE_TIMES, "0000-01", "9999-12", "2026-13", "0000-01-01", "2026-02-30", "9999-12-31"][pick % (EDGE_TIMES.length + 6)]!);
      break;
    case "extra-field":
      params.set(`unexpected_${pick % 100}`, "1");
      params.append(name, "again");
      break;
    case "big-array":
      for (let i = 0; i < 2_000; i++) params.append(name, String(i));
      break;
    case "query-escape":
      // Escapes URLSearchParams would never write: the server decodes them itself.
      params.delete(name);
      raw = `${encodeURIComponent(name)}=${QUERY_ESCAPES[pick % QUERY_ESCAPES.length]}`;
      break;
    default:
      break;
  }
  const text = [params.toString(), raw].filter(Boolean).join("&");
  return text ? `?${text}` : "";
}

/**
 * The path with its parameters filled in (encoded), except one: for "path-escape" the parameter `pick`
 * chooses gets a raw escape from PATH_SEGMENTS, or `raw` names a parameter and the raw text it gets.
 */
export function mutatePath(pattern: string, values: Record<string, string>, kind: Mutation, pick: number, raw?: { name: string; text: string }): string {
  const names = [...pattern.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map(([, n]) => n!);
  const hit = raw ?? (kind === "path-escape" && names.length ? { name: names[pick % names.length]!, text: PATH_SEGMENTS[pick % PATH_SEGMENTS.length]! } : undefined);
  return pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, n: string) => (n === hit?.name ? hit.text : encodeURIComponent(values[n]!)));
}
