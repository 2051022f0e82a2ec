/**
 * Domain errors. Each carries a code from the one error table in lib/http/error-table.ts, which is
 * the only place codes become HTTP statuses.
 */
export type ErrorCode =
  | "bad_request"
  | "not_found"
  | "method_not_allowed"
  | "validation"
  | "idempotency_mismatch"
  | "in_flight"
  | "conflict"
  | "unauthorized"
  | "forbidden"
  | "rate_limited"
  | "payload_too_large"
  | "unsupported_media_type"
  | "provider_unavailable"
  | "database_unavailable"
  | "insufficient_funds"
  | "budget_exceeded";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** No signed-in caller (a portal session that is missing or ended); `failureUrl` is where the browser goes instead. */
export class UnauthorizedError extends AppError {
  constructor(
    message: string,
    readonly failureUrl?: string,
  ) {
    super("unauthorized", message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super("forbidden", message);
  }
}

export class NotFoundError extends AppError {
  constructor(resource: string) {
    super("not_found", `${resource} not found.`);
  }
}

/** A request that parsed but is not acceptable; `errors` maps field paths to messages. */
export class ValidationError extends AppError {
  constructor(errors: Record<string, string[]>, message = "One or more validation errors occurred.") {
    super("validation", message, errors);
  }

  static field(field: string, message: string): ValidationError {
    return new ValidationError({ [field]: [message] });
  }
}

/** The same idempotency id was used before with a different request body. */
export class IdempotencyMismatchError extends AppError {
  constructor(field: string) {
    super("idempotency_mismatch", "This id was already used with a different request.", {
      [field]: ["Already used with a different request body."],
    });
  }
}

/** The database cannot be reached (restarting, network cut, pool full): nothing happened, retry shortly. */
export class DatabaseUnavailableError extends AppError {
  readonly retryAfterSeconds = 5;

  constructor() {
    super("database_unavailable", "The service is briefly unavailable. Nothing was changed; retry in a few seconds.");
  }
}

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("rate_limited", "Too many requests.");
  }
}

/** The path exists but does not answer this method; `allow` lists the methods it does answer. */
export class MethodNotAllowedError extends AppError {
  constructor(
    method: string,
    readonly allow: string,
  ) {
    super("method_not_allowed", `${method} is not supported here. Allowed: ${allow}.`);
  }
}
