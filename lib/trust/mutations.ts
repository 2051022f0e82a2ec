import type { JsonSchema } from "./json-schema-arb";

export const MUTATIONS = [
  "none",
  "drop-required",
  "wrong-type",
  "huge-string",
  "unicode",
  "deep-nesting",
  "extra-field",
  "number-edge",
  "big-array",
  "not-json",
] as const;
export type Mutation = (typeof MUTATIONS)[number];

const RAW = "\u0001raw\u0001";
const WRONG = [123, "text", true, null, {}, [], [1, 2]];
const UNICODE = ["\u0000", "\u202eevil\u202c", "😀👩‍👩‍👧", "\ud800", "﷽", "Ａ", "\uffff", "e\u0301"].join("");
const NUMBERS = ["1e400", "-1e400", '"NaN"', '"Infinity"', "-0", "1e-400", "9007199254740993", '"1e400"', "0.1e-7", '"-0"'];

/** A `pick` (any integer) chooses among the schema's fields and the variants of a mutation, deterministically. */
function field(schema: JsonSchema, pick: number, required = false): string | undefined {
  const names = required ? (schema.required ?? []) : Object.keys(schema.properties ?? {});
  return names.length ? names[pick % names.length] : undefined;
}

const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;

/** The JSON text of a body mutated as `kind` says; raw JSON so numbers like 1e400 reach the parser as sent. */
export function mutateBody(value: unknown, schema: JsonSchema, kind: Mutation, pick: number): string {
  const obj: Record<string, unknown> = value && typeof value === "object" && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
  const name = field(schema, pick) ?? "name";
  let raw: string | null = null;
  switch (kind) {
    case "none":
      return JSON.stringify(value);
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
      obj[name] = UNICODE;
      break;
    case "deep-nesting":
      raw = deep(pick % 2 ? 200 : 5_000);
      break;
    case "extra-field":
      return JSON.stringify(obj).replace(/^\{/, `{"__proto__":{"admin":true},"unexpected_${pick % 100}":1,`).replace(/,}$/, "}");
    case "number-edge":
      raw = NUMBERS[pick % NUMBERS.length]!;
      break;
    case "big-array":
      obj[name] = Array.from({ length: 10_000 }, (_, i) => (pick % 2 ? i : { id: `x${i}` }));
      break;
    case "not-json":
      return ["{", "null", "[]", '"text"', "{\"a\":1,}", "\u0000", ""][pick % 7]!;
  }
  if (raw === null) return JSON.stringify(obj);
  obj[name] = RAW;
  return JSON.stringify(obj).replace(JSON.stringify(RAW), raw);
}

/** A query string from generated values, mutated the same ways where a query can be. */
export function mutateQuery(value: unknown, schema: JsonSchema, kind: Mutation, pick: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries((value ?? {}) as Record<string, unknown>)) if (v !== undefined && v !== null) params.set(k, String(v));
  const name = field(schema, pick) ?? "limit";
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
      params.set(name, UNICODE);
      break;
    case "number-edge":
      params.set(name, ["1e400", "NaN", "Infinity", "-0", "9007199254740993", "-1e400", "0x10", ""][pick % 8]!);
      break;
    case "extra-field":
      params.set(`unexpected_${pick % 100}`, "1");
      params.append(name, "again");
      break;
    case "big-array":
      for (let i = 0; i < 2_000; i++) params.append(name, String(i));
      break;
    default:
      break;
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
