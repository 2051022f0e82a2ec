import { z } from "zod";
import { AppError, ValidationError } from "@/lib/kernel/errors";
import { JsonNumber, JsonSyntaxError, parseJsonText } from "@/lib/kernel/json";
import { storableTextProblem } from "@/lib/kernel/fields/field-checks";
import { pathParamField, textField } from "@/lib/kernel/fields/fields";
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
function zodErrors(error: z.ZodError): Record<string, string[]> {
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
 * The first string (key or value) no database stores and returns unchanged (a NUL character, a lone
 * surrogate), with its path. Every request passes here before its schema, so no field a schema forgot
 * can carry one to the database. Iterative: the parser already bounded the depth, this never recurses.
 */
function unstorableText(value: unknown): { path: PropertyKey[]; problem: string } | null {
  const stack: [unknown, PropertyKey[]][] = [[value, []]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === "string") {
      const problem = storableTextProblem(v);
      if (problem) return { path, problem };
    } else if (v && typeof v === "object" && !(v instanceof JsonNumber)) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        const at = [...path, Array.isArray(v) ? Number(key) : key];
        const problem = storableTextProblem(key);
        if (problem) return { path: at, problem };
        stack.push([child, at]);
      }
    }
  }
  return null;
}

/** @throws ValidationError naming the first unstorable string. */
function refuseUnstorableText(value: unknown): void {
  const found = unstorableText(value);
  if (found) throw ValidationError.field(formatPath(found.path) || "$", found.problem);
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
  refuseUnstorableText(value);
  return value;
}

const pathParams = z.record(textField(100), pathParamField());

/**
 * A route's path segments as Next.js decoded them, each held to the id rules (well-formed, no NUL, at
 * most 255 characters): `%00` or a segment cut mid-character is a 422, never a database error.
 * A catch-all's segments arrive joined with "/".
 * @throws ValidationError
 */
export function parsePathParams(raw: Record<string, string | string[]>): Record<string, string> {
  const joined: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) joined[k] = Array.isArray(v) ? v.join("/") : v;
  return validate(pathParams, joined);
}

/** For pages, which answer a path segment that breaks the id rules with their 404 rather than a 422. */
export function isValidPathParam(value: string): boolean {
  return pathParamField().safeParse(value).success;
}

/** Query parameters as a plain object (repeated keys keep the last value) validated by `schema`. */
export function parseQuery<S extends z.ZodType>(url: URL, schema: S): z.output<S> {
  const params = Object.fromEntries(url.searchParams.entries());
  refuseUnstorableText(params);
  return validate(schema, params);
}
