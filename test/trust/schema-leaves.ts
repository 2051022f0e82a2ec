import type { JsonSchema } from "./json-schema-arb";

export type LeafKind = "string" | "number" | "date-time" | "free-form";
export type JsonPath = (string | number)[];

export interface Leaf {
  path: JsonPath;
  kind: LeafKind;
}

function kindOf(s: JsonSchema): LeafKind | null {
  if (s.const !== undefined || s.enum) return null;
  if (s.format === "date-time") return "date-time";
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === "string") return "string";
  if (type === "number" || type === "integer") return "number";
  if (type === "object" && Object.keys(s.properties ?? {}).length === 0) return "free-form";
  return null;
}

/**
 * Every field of a request schema, however deep (through objects, array items and unions), with
 * what kind of value it holds: the places a hostile value can be aimed at one by one.
 */
export function leaves(schema: JsonSchema, path: JsonPath = [], depth = 0): Leaf[] {
  if (depth > 8) return [];
  const out: Leaf[] = [];
  for (const choice of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) out.push(...leaves(choice, path, depth + 1));
  const kind = kindOf(schema);
  if (kind && path.length > 0) out.push({ path, kind });
  for (const [name, sub] of Object.entries(schema.properties ?? {})) out.push(...leaves(sub, [...path, name], depth + 1));
  if (schema.items) out.push(...leaves(schema.items, [...path, 0], depth + 1));
  const seen = new Set<string>();
  return out.filter((l) => {
    const key = `${l.kind}:${JSON.stringify(l.path)}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** A copy of `value` with `replacement` at `path`, creating the objects and arrays on the way. */
export function setAt(value: unknown, path: JsonPath, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (typeof head === "number") {
    const array = Array.isArray(value) ? [...(value as unknown[])] : [];
    array[head] = setAt(array[head], rest, replacement);
    return array;
  }
  const object = value && typeof value === "object" && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
  object[head!] = setAt(object[head!], rest, replacement);
  return object;
}
