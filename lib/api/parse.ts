import { z } from "zod";
import { AppError, ValidationError } from "@/lib/errors";
import { JsonSyntaxError, parseJsonText } from "@/lib/json";

export const DEFAULT_MAX_BODY_BYTES = 1_048_576 * 4;

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
  const out: Record<string, string[]> = {};
  const add = (key: string, message: string) => (out[key || "$"] ??= []).push(message);
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add(formatPath([...issue.path, key]), "Unknown field.");
    } else {
      add(formatPath(issue.path), issue.message);
    }
  }
  return out;
}

export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(zodErrors(result.error));
  return result.data;
}

/** Reads a JSON body with a size limit; numbers stay exact (JsonNumber). */
export async function readJsonBody(req: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large", `The body must be at most ${maxBytes} bytes.`);
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) {
    throw new AppError("payload_too_large", `The body must be at most ${maxBytes} bytes.`);
  }
  if (text.trim() === "") throw new AppError("bad_request", "A JSON body is required.");
  try {
    return parseJsonText(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new AppError("bad_request", `Malformed JSON: ${error.message}`);
    throw error;
  }
}

/** Query parameters as a plain object (repeated keys keep the last value) validated by `schema`. */
export function parseQuery<S extends z.ZodType>(url: URL, schema: S): z.output<S> {
  return validate(schema, Object.fromEntries(url.searchParams.entries()));
}
