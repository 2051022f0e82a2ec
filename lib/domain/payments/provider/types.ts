import type { Decimal } from "@/lib/kernel/money";
import type { PlatformScope } from "@/lib/kernel/scope";

export type ProviderKind = "stripe" | "test";

export interface SavedCard {
  id: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

export interface PaymentError {
  code: string | null;
  declineCode: string | null;
  adviceCode: string | null;
  message: string;
}

/**
 * What the provider says about one PaymentIntent right now, however we learned it (a retrieve
 * after a verified webhook, the test provider's checkout, an off-session response).
 */
export interface PaymentState {
  provider: ProviderKind;
  paymentIntentId: string;
  status: "succeeded" | "processing" | "requires_action" | "failed" | "canceled" | "open";
  /** Major units of `currency`. */
  amount: Decimal;
  currency: string;
  livemode: boolean;
  topUpId: string | null;
  paymentMethodId: string | null;
  card: { brand: string; last4: string } | null;
  receiptUrl: string | null;
  error: PaymentError | null;
}

export interface CheckoutRequest {
  scope: PlatformScope;
  providerCustomerId: string;
  mode: "payment" | "setup";
  /** Payment mode only. */
  amount?: Decimal;
  currency?: string;
  productName?: string;
  /** Payment mode with Stripe only: Stripe Tax computes the tax, prices count as tax-exclusive or -inclusive. */
  automaticTax?: { taxBehavior: "exclusive" | "inclusive" } | null;
  description?: string | null;
  metadata: Record<string, string>;
  successUrl: string;
  cancelUrl: string;
  expiresAt: Date;
  idempotencyKey: string;
}

export interface OffSessionRequest {
  scope: PlatformScope;
  providerCustomerId: string;
  paymentMethodId: string;
  amount: Decimal;
  currency: string;
  description: string;
  metadata: Record<string, string>;
  /** The auto top-up attempt id: a re-run after a crash gets the original PaymentIntent back. */
  idempotencyKey: string;
}

/** The provider's answer to an off-session charge: a PaymentIntent, or an error that created none. */
export type OffSessionOutcome = { state: PaymentState; error: null } | { state: null; error: PaymentError };

export interface PaymentProvider {
  readonly kind: ProviderKind;
  /** Stripe delivers webhooks itself; the test provider's outcomes must be applied by the caller. */
  readonly deliversWebhooks: boolean;
  createCustomer(input: { scope: PlatformScope; customerId: string; email: string | null; name: string | null; idempotencyKey: string }): Promise<string>;
  createCheckout(request: CheckoutRequest): Promise<{ id: string; url: string }>;
  /** Ends an open Checkout Session; "complete" when it was paid before it could be expired. */
  expireCheckout(scope: PlatformScope, sessionId: string): Promise<"expired" | "complete">;
  chargeOffSession(request: OffSessionRequest): Promise<OffSessionOutcome>;
  retrievePayment(scope: PlatformScope, paymentIntentId: string): Promise<PaymentState | null>;
  listCards(scope: PlatformScope, providerCustomerId: string): Promise<SavedCard[]>;
  setDefaultCard(scope: PlatformScope, providerCustomerId: string, paymentMethodId: string): Promise<void>;
  detachCard(scope: PlatformScope, paymentMethodId: string): Promise<void>;
}
