import { stringifyJson } from "@/lib/kernel/json";
import { AppError, DatabaseUnavailableError, MethodNotAllowedError, RateLimitedError, UnauthorizedError } from "@/lib/kernel/errors";
import { ERROR_TABLE } from "./error-table";

const JSON_TYPE = "application/json; charset=utf-8";
const PROBLEM_TYPE = "application/problem+json; charset=utf-8";

/** A JSON response whose Decimal values are written as exact numbers. */
export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(stringifyJson(data), {
    status,
    headers: { "content-type": JSON_TYPE, "cache-control": "no-store", ...headers },
  });
}

export function problem(error: AppError, instance?: string): Response {
  const row = ERROR_TABLE[error.code];
  const body: Record<string, unknown> = { type: row.type, title: row.title, status: row.status };
  if (row.exposeCode) body.code = error.code;
  if (error.errors) body.errors = error.errors;
  else body.detail = error.message;
  if (instance) body.instance = instance;
  if (error instanceof UnauthorizedError && error.failureUrl) body.failure_url = error.failureUrl;
  const headers: Record<string, string> = { "content-type": PROBLEM_TYPE, "cache-control": "no-store" };
  if (error instanceof RateLimitedError || error instanceof DatabaseUnavailableError) headers["retry-after"] = String(error.retryAfterSeconds);
  if (error instanceof MethodNotAllowedError) headers.allow = error.allow;
  return new Response(JSON.stringify(body), { status: row.status, headers });
}

export function internalError(instance?: string): Response {
  const body = {
    type: "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    title: "Internal Server Error",
    status: 500,
    detail: "Something went wrong on our side. The request may be retried.",
    instance,
  };
  return new Response(JSON.stringify(body), { status: 500, headers: { "content-type": PROBLEM_TYPE } });
}

/** 401 with an empty body, as Credyt answers a missing or bad key. */
export function unauthorized(): Response {
  return new Response(null, { status: 401, headers: { "www-authenticate": 'Bearer realm="billfold"' } });
}
