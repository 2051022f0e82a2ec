import type { PaymentError } from "@/lib/domain/payments/provider/types";

// Issuer answers that mean the same card will never succeed: retrying them is forbidden by the card
// networks (Visa category 1, Mastercard MAC 03/21) and only risks the merchant's standing.
const HARD_DECLINES = new Set([
  "card_not_supported", "currency_not_supported", "do_not_try_again", "expired_card", "fraudulent",
  "incorrect_cvc", "incorrect_number", "invalid_account", "invalid_cvc", "invalid_expiry_month",
  "invalid_expiry_year", "invalid_number", "lost_card", "merchant_blacklist", "new_account_information_available",
  "pickup_card", "restricted_card", "revocation_of_all_authorizations", "revocation_of_authorization",
  "security_violation", "service_not_allowed", "stolen_card", "stop_payment_order", "transaction_not_allowed",
  "resource_missing", "payment_method_unactivated",
]);

const MESSAGES: Record<string, string> = {
  insufficient_funds: "The card has insufficient funds.",
  expired_card: "The card has expired.",
  lost_card: "The card was reported lost.",
  stolen_card: "The card was reported stolen.",
  incorrect_number: "The card number is incorrect.",
  incorrect_cvc: "The card's security code is incorrect.",
  processing_error: "The card could not be processed.",
  authentication_required: "Your bank asks you to confirm this card before it can be charged automatically.",
  card_velocity_exceeded: "The card has reached its spending limit for now.",
  resource_missing: "The saved card is no longer available.",
};

/** A decline the same card can never recover from; such a card is never charged again automatically. */
export function isHardDecline(error: PaymentError): boolean {
  if (error.adviceCode === "do_not_try_again" || error.adviceCode === "confirm_card_data") return true;
  return HARD_DECLINES.has(error.declineCode ?? error.code ?? "");
}

/** Off-session, the customer must come back and authenticate: not a decline, no retry. */
export function needsAuthentication(error: PaymentError | null): boolean {
  return error?.code === "authentication_required" || error?.declineCode === "authentication_required";
}

/** A sentence for the customer about why a payment did not go through. */
export function declineMessage(error: PaymentError): string {
  const message = (code: string | null | undefined) => (code && Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : undefined);
  return message(error.declineCode) ?? message(error.code) ?? "The card was declined.";
}
