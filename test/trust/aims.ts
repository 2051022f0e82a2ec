import fc from "fast-check";
import { JsonNumber } from "@/lib/kernel/json";
import type { FuzzTarget } from "./fuzz-targets";
import type { Hints } from "./json-schema-arb";
import { arbitraryFor } from "./json-schema-arb";
import { nestedJson } from "./hostile-values";
import { leaves, type JsonPath, type LeafKind } from "./schema-leaves";

/**
 * One hostile value aimed at one place of a request that is otherwise valid: each class of value that
 * once answered 500 or wrote the wrong thing, at every field of its kind, however deep (an event's id is
 * events[0].id), so a route whose schema forgets a rule shows up by name.
 */
export interface Aim {
  label: string;
  where: "body" | "query" | "path";
  path: JsonPath;
  value: unknown;
}

const MAX_OLD_AMOUNT = "999999999999999999999999.999999999999";

/** What each kind of field is sent: half an emoji and a prototype key, the largest amounts once accepted, the calendar's edges, nesting that broke reads. */
const BODY_VALUES: Record<LeafKind, unknown[]> = {
  string: ["free_1_\ud83d", "__proto__"],
  number: [new JsonNumber(MAX_OLD_AMOUNT), new JsonNumber(`-${MAX_OLD_AMOUNT}`)],
  "date-time": ["9999-12-31T23:59:59-23:59", "0000-01-01T00:00:00Z"],
  "free-form": [nestedJson(4_000), { "k\ud83d": 1 }],
};
// A query string cannot carry a lone surrogate (URLs decode as UTF-8); NUL and days that do not exist it can.
const QUERY_VALUES = ["%00", "0000-01-01", "2026-02-30"];
// Escapes that do not decode are answered before any route runs; e2e/api/percent-escapes.spec.ts sends those to the real server.
const PATH_VALUES = ["%25", "%00"];

export function aims(t: FuzzTarget): Aim[] {
  const out: Aim[] = [];
  for (const leaf of t.body ? leaves(t.body) : []) {
    for (const value of BODY_VALUES[leaf.kind]) out.push({ label: `${leaf.path.join(".")} = ${leaf.kind} edge`, where: "body", path: leaf.path, value });
  }
  for (const name of Object.keys(t.query?.properties ?? {})) {
    for (const value of QUERY_VALUES) out.push({ label: `?${name}=${value}`, where: "query", path: [name], value });
  }
  for (const name of t.params) for (const value of PATH_VALUES) out.push({ label: `[${name}] = ${value}`, where: "path", path: [name], value });
  return out;
}

function holds(value: unknown, path: JsonPath): boolean {
  let v = value;
  for (const key of path) {
    if (!v || typeof v !== "object" || !Object.hasOwn(v, key)) return false;
    v = (v as Record<string | number, unknown>)[key];
  }
  return Boolean(v) && typeof v === "object";
}

/**
 * A generated payload the route's own schema accepts, naming the world's objects by their hints, and
 * holding the object the aimed field belongs to (events[0] for events[0].id), so the aimed value is the
 * one thing wrong with it. The first of 40 samples that qualifies; failing that, one the schema accepts.
 */
export function validBase(schema: FuzzTarget["body"], zod: { safeParse(v: unknown): { success: boolean } } | undefined, hints: Hints, seed: number, aimedAt: JsonPath = []): unknown {
  if (!schema || !zod) return undefined;
  const samples = fc.sample(arbitraryFor(schema, hints, false), { numRuns: 40, seed });
  const valid = samples.filter((s) => zod.safeParse(s).success);
  return valid.find((s) => holds(s, aimedAt.slice(0, -1))) ?? valid[0] ?? samples[0];
}
