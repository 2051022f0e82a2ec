import { z } from "zod";
import { AppError, ValidationError } from "@/lib/errors";
import { JsonSyntaxError, parseJsonText } from "@/lib/json";
import { BODY_LIMITS, readBodyText } from "./read-body";

export const DEFAULT_MAX_BODY_BYTES = BODY_LIMITS.api;

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Zod issues as the `errors` map of a ValidationProblem: field path → messages. */
export function zodErrors(error: z.ZodError): Record<string, string[]> {
  // A Map, not an object literal: a field named "__proto__" or "constructor" must be just a key.
  const out = new Map<string, string[]>();
  const add = (key: string, message: string) => {
    const list = out.get(key || "$") ?? [];
    out.set(key || "$", [...list, message]);
  };
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add(formatPath([...issue.path, key]), "Unknown field.");
    } else {
      add(formatPath(issue.path), issue.message);
    }
  }
  return Object.fromEntries(out);
}

/**
 * The path of the first string (key or value) holding a NUL character, which Postgres text cannot
 * store: refused as invalid input instead of failing in the database.
 */
function nulPath(value: unknown, path: PropertyKey[] = []): PropertyKey[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (!value || typeof value !== "object") return null;
  for (const [key, child] of Object.entries(value)) {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    if (key.includes("\u0000")) return at;
    const found = nulPath(child, at);
    if (found) return found;
  }
  return null;
}

function refuseNul(value: unknown): void {
  const path = nulPath(value);
  if (path) throw ValidationError.field(formatPath(path) || "$", "Must not contain the NUL character.");
}

export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(zodErrors(result.error));
  return result.data;
}

/** Reads a JSON body with a size limit; numbers stay exact (JsonNumber). */
export async function readJsonBody(req: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  const text = await readBodyText(req, maxBytes);
  if (text.trim() === "") throw new AppError("bad_request", "A JSON body is required.");
  let value: unknown;
  try {
    value = parseJsonText(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new AppError("bad_request", `Malformed JSON: ${error.message}`);
    throw error;
  }
  refuseNul(value);
  return value;
}

/** Query parameters as a plain object (repeated keys keep the last value) validated by `schema`. */
export function parseQuery<S extends z.ZodType>(url: URL, schema: S): z.output<S> {
  const params = Object.fromEntries(url.searchParams.entries());
  refuseNul(params);
  return validate(schema, params);
}
