import fc from "fast-check";

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

const FORMATS: Record<string, () => fc.Arbitrary<string>> = {
  "date-time": () => fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
  email: () => fc.constantFrom("a@example.com", "billing+x@example.org"),
  uri: () => fc.constantFrom("https://example.com/r", "https://app.example.com/x?y=1"),
};

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format && FORMATS[s.format]) return FORMATS[s.format]!();
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? Infinity) && v.length >= (s.minLength ?? 0));
  return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 20, 20) });
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 0.01) : -1000);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 0.01) : 1000);
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, 2 ** 31)) });
  return fc.integer({ min: Math.ceil(min * 100), max: Math.floor(Math.min(max, 1e6) * 100) }).map((n) => n / 100);
}

function objectArb(s: JsonSchema, hints: Hints, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  if (Object.keys(props).length === 0) return fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxKeys: 3 });
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(props)) {
    const base = arbitraryFor(sub, hints, depth + 1);
    record[name] = hints[name] ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...hints[name]!) }, { weight: 1, arbitrary: base }) : base;
  }
  return fc.record(record, { requiredKeys: (s.required ?? []).filter((k) => k in record) });
}

/** An arbitrary of values the JSON Schema (as z.toJSONSchema writes it) accepts, most of the time. */
export function arbitraryFor(s: JsonSchema, hints: Hints = {}, depth = 0): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const choices = s.anyOf ?? s.oneOf;
  if (choices) return fc.oneof(...choices.map((c) => arbitraryFor(c, hints, depth)));
  if (s.allOf?.length) return arbitraryFor(s.allOf[0]!, hints, depth);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "string":
      return stringArb(s);
    case "integer":
    case "number":
      return numberArb(s, type === "integer");
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const minLength = s.minItems ?? 0;
      return fc.array(depth > 4 ? fc.constant(null) : arbitraryFor(s.items ?? {}, hints, depth + 1), { minLength, maxLength: Math.max(minLength, Math.min(s.maxItems ?? 3, 3)) });
    }
    case "object":
      return objectArb(s, hints, depth);
    default:
      return fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean());
  }
}
