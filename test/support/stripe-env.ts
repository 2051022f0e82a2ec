import Stripe from "stripe";
import { now } from "@/lib/kernel/clock";
import { resetEnvCache } from "@/lib/kernel/env";
import { callApi, type ApiResponse } from "./api-client";
import type { StripeStub } from "@/test/support/stripe-stub/stripe-stub";

export const TEST_WEBHOOK_SECRET = "whsec_test_billfold_0123456789abcdef";
export const TEST_STRIPE_KEY = "sk_test_billfold_stub_key";

/** Points the real SDK at the stub (STRIPE_API_URL) with a test key and webhook secret. */
export function useStripeStub(stub: StripeStub, key = TEST_STRIPE_KEY): void {
  process.env.STRIPE_SECRET_KEY = key;
  process.env.STRIPE_API_URL = stub.url;
  process.env.STRIPE_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;
  resetEnvCache();
}

/** Back to no Stripe at all: the built-in test provider. */
export function useTestProvider(): void {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_API_URL;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  resetEnvCache();
}

export interface DeliveryOptions {
  /** Seconds since the epoch the signature claims (default: our clock's now). */
  timestamp?: number;
  secret?: string;
  /** Change one byte of the body after signing. */
  tamper?: boolean;
}

/** Signs `payload` with the SDK's test-header helper and posts it to the webhook route. */
export async function deliverWebhook(payload: string, options: DeliveryOptions = {}): Promise<ApiResponse> {
  const header = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? TEST_WEBHOOK_SECRET,
    timestamp: options.timestamp ?? Math.floor(now().getTime() / 1000),
  });
  const body = options.tamper ? payload.replace('"id":"evt_', '"id":"evu_') : payload;
  return callApi("POST", "/api/webhooks/stripe", { raw: body, headers: { "stripe-signature": header } });
}
