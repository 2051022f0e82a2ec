import Stripe from "stripe";
import { WebhookSignatureError } from "@/lib/domain/payments/errors";

/** Stripe's own tolerance for old signatures. */
const MAX_SIGNATURE_AGE_SECONDS = 300;
/** stripe-node accepts any future timestamp; a signature from further ahead than clock skew is not Stripe's. */
const MAX_SIGNATURE_AHEAD_SECONDS = 60;

function signedAt(header: string): number | null {
  for (const part of header.split(",")) {
    const [k, v] = part.split("=");
    if (k?.trim() === "t" && v && /^\d{1,12}$/.test(v.trim())) return Number(v.trim());
  }
  return null;
}

/**
 * Verifies a webhook's Stripe-Signature over the raw body: HMAC with the endpoint secret, timestamp no
 * older than 300 s and no more than 60 s ahead of `at` (our clock). Returns the parsed event.
 * @throws WebhookSignatureError
 */
export function verifyStripeEvent(payload: string, header: string | null, secret: string, at: Date): unknown {
  if (!header) throw new WebhookSignatureError("missing Stripe-Signature header");
  let event: unknown;
  try {
    event = Stripe.webhooks.constructEvent(payload, header, secret, MAX_SIGNATURE_AGE_SECONDS, undefined, at.getTime());
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
      const stale = /tolerance/i.test(error.message);
      throw new WebhookSignatureError(stale ? "timestamp is older than 300 seconds" : "signature does not match");
    }
    if (error instanceof SyntaxError) throw new WebhookSignatureError("body is not JSON");
    throw error;
  }
  const t = signedAt(header);
  if (t === null || t - Math.floor(at.getTime() / 1000) > MAX_SIGNATURE_AHEAD_SECONDS) {
    throw new WebhookSignatureError("timestamp is more than 60 seconds in the future");
  }
  return event;
}
