import type { ErrorCode } from "@/lib/kernel/errors";

interface ErrorRow {
  status: number;
  title: string;
  type: string;
  /** The body carries `code` too: a refusal clients branch on, not a malformed request. */
  exposeCode?: true;
}

/** The one mapping from domain error codes to HTTP. */
export const ERROR_TABLE: Record<ErrorCode, ErrorRow> = {
  bad_request: { status: 400, title: "Bad Request", type: "https://tools.ietf.org/html/rfc9110#section-15.5.1" },
  unauthorized: { status: 401, title: "Unauthorized", type: "https://tools.ietf.org/html/rfc9110#section-15.5.2" },
  forbidden: { status: 403, title: "Forbidden", type: "https://tools.ietf.org/html/rfc9110#section-15.5.4" },
  not_found: { status: 404, title: "Not Found", type: "https://tools.ietf.org/html/rfc9110#section-15.5.5" },
  method_not_allowed: { status: 405, title: "Method Not Allowed", type: "https://tools.ietf.org/html/rfc9110#section-15.5.6" },
  in_flight: { status: 409, title: "Conflict", type: "https://tools.ietf.org/html/rfc9110#section-15.5.10" },
  conflict: { status: 409, title: "Conflict", type: "https://tools.ietf.org/html/rfc9110#section-15.5.10" },
  payload_too_large: {
    status: 413,
    title: "Content Too Large",
    type: "https://tools.ietf.org/html/rfc9110#section-15.5.14",
  },
  unsupported_media_type: {
    status: 415,
    title: "Unsupported Media Type",
    type: "https://tools.ietf.org/html/rfc9110#section-15.5.16",
  },
  validation: {
    status: 422,
    title: "One or more validation errors occurred.",
    type: "https://tools.ietf.org/html/rfc4918#section-11.2",
  },
  idempotency_mismatch: {
    status: 422,
    title: "One or more validation errors occurred.",
    type: "https://tools.ietf.org/html/rfc4918#section-11.2",
  },
  insufficient_funds: { status: 409, title: "Insufficient funds", type: "https://tools.ietf.org/html/rfc9110#section-15.5.10", exposeCode: true },
  budget_exceeded: { status: 409, title: "Budget exceeded", type: "https://tools.ietf.org/html/rfc9110#section-15.5.10", exposeCode: true },
  rate_limited: { status: 429, title: "Too Many Requests", type: "https://tools.ietf.org/html/rfc6585#section-4" },
  provider_unavailable: {
    status: 503,
    title: "Service Unavailable",
    type: "https://tools.ietf.org/html/rfc9110#section-15.6.4",
  },
  database_unavailable: {
    status: 503,
    title: "Service Unavailable",
    type: "https://tools.ietf.org/html/rfc9110#section-15.6.4",
  },
};
