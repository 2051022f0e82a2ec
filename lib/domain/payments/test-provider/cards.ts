/** What a test card does in each kind of payment, mirroring Stripe's test cards. */
type CardOutcome = "succeed" | "decline" | "authenticate";

export interface TestCardProfile {
  profile: string;
  brand: string;
  setup: CardOutcome;
  payment: CardOutcome;
  offSession: CardOutcome;
  declineCode: string;
}

const card = (profile: string, brand: string, setup: CardOutcome, payment: CardOutcome, offSession: CardOutcome, declineCode = "generic_decline") => ({
  profile, brand, setup, payment, offSession, declineCode,
});

const CARDS: Record<string, TestCardProfile> = {
  "4242424242424242": card("succeeds", "visa", "succeed", "succeed", "succeed"),
  "5555555555554444": card("succeeds_mastercard", "mastercard", "succeed", "succeed", "succeed"),
  "4000000000000002": card("declined", "visa", "decline", "decline", "decline"),
  "4000002500003155": card("authenticate_once", "visa", "authenticate", "authenticate", "succeed"),
  "4000002760003184": card("authenticate_always", "visa", "authenticate", "authenticate", "authenticate", "authentication_required"),
  "4000000000000341": card("attach_then_decline", "visa", "succeed", "decline", "decline"),
  "4000000000009995": card("insufficient_funds", "visa", "succeed", "decline", "decline", "insufficient_funds"),
  "4000000000009987": card("lost_card", "visa", "decline", "decline", "decline", "lost_card"),
};

const BY_PROFILE = new Map(Object.values(CARDS).map((c) => [c.profile, c]));

/** The profile of a test card number (spaces allowed), or null for any other number. */
export function testCard(number: string): TestCardProfile | null {
  return CARDS[number.replace(/[\s-]/g, "")] ?? null;
}

export function testCardByProfile(profile: string): TestCardProfile | null {
  return BY_PROFILE.get(profile) ?? null;
}

export function last4Of(number: string): string {
  return number.replace(/[\s-]/g, "").slice(-4);
}
