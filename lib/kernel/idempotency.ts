import { createHash } from "node:crypto";
import { ValidationError } from "./errors";

/**
 * The digest a replay is compared by: the request's fields in a fixed order, so the same request under the
 * same caller id replays and any other is refused.
 */
export function requestDigest(fields: unknown[]): string {
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex");
}

/** An Idempotency-Key header as given, or null without one. @throws ValidationError when empty or over 255 characters */
export function idempotencyKeyOf(header: string | null): string | null {
  if (header !== null && (header.length === 0 || header.length > 255)) throw ValidationError.field("Idempotency-Key", "Must be 1 to 255 characters.");
  return header;
}
