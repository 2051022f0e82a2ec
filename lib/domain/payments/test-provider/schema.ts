import { z } from "zod";
import { textField } from "@/lib/kernel/fields/fields";

/** POST /api/test-checkout/:sessionId – what the TEST MODE checkout page submits. */
export const testPaymentSchema = z.strictObject({
  card_number: textField(30),
  expiry: textField(10),
  cvc: textField(10),
  /** The answer to the simulated bank challenge, for cards that need authentication. */
  authentication: z.enum(["approve", "fail"]).optional(),
  /** The customer's "save this card" tick; a top-up's card is kept only with it (a plan's always is). */
  save_card: z.boolean().optional(),
});

export type TestPaymentInput = z.output<typeof testPaymentSchema>;
