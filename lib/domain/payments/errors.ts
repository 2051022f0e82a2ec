import { AppError, ValidationError } from "@/lib/kernel/errors";

/** This platform's mode cannot take payments here (live mode without a live Stripe key). */
export class PaymentsUnavailableError extends ValidationError {
  constructor(message: string) {
    super({ payments: [message] }, message);
  }
}

/** Stripe could not be reached or failed on its side; nothing was charged and the request may be retried. */
export class PaymentProviderUnavailableError extends AppError {
  constructor() {
    super("provider_unavailable", "The payment provider is not responding. Nothing was charged; please try again shortly.");
  }
}

/** A Stripe webhook whose signature or timestamp does not hold up. */
export class WebhookSignatureError extends AppError {
  constructor(reason: string) {
    super("bad_request", `Webhook signature verification failed: ${reason}`);
  }
}
