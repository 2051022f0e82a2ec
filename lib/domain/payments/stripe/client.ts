import Stripe from "stripe";
import { env } from "@/lib/kernel/env";
import { PaymentsUnavailableError } from "@/lib/domain/payments/errors";

let cached: { id: string; client: Stripe } | undefined;

/** True when the configured key charges real cards. */
export function stripeKeyIsLive(): boolean {
  return /^(sk|rk)_live_/.test(env().STRIPE_SECRET_KEY ?? "");
}

/**
 * The Stripe SDK configured from the environment; STRIPE_API_URL points it at a Stripe-compatible
 * server. The SDK's own retries are safe because every create we send carries our idempotency key.
 * @throws PaymentsUnavailableError without STRIPE_SECRET_KEY
 */
export function stripeClient(): Stripe {
  const { STRIPE_SECRET_KEY: key, STRIPE_API_URL: target } = env();
  if (!key) throw new PaymentsUnavailableError("Stripe is not configured on this server (STRIPE_SECRET_KEY is not set).");
  const id = `${key}|${target ? `${target.protocol}://${target.host}:${target.port}` : "stripe"}`;
  if (cached?.id !== id) {
    cached = { id, client: new Stripe(key, { maxNetworkRetries: 2, timeout: 20_000, telemetry: false, ...(target ?? {}) }) };
  }
  return cached.client;
}
