import { createHash } from "node:crypto";
import { randomBase32 } from "@/lib/kernel/ids";

/**
 * A test object id: random, or derived from an idempotency key where the id is no capability (customers,
 * a session's own PaymentIntent), so a repeated request finds the same object, as with Stripe.
 */
export function testObjectId(prefix: string, idempotencyKey?: string): string {
  const suffix = idempotencyKey ? createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 26) : randomBase32(26);
  return `${prefix}_test_${suffix}`;
}
