import { z } from "zod";

/** POST /api/test-checkout/:sessionId – what the TEST MODE checkout page submits. */
export const testPaymentSchema = z.strictObject({
  card_number: z.string().max(30),
  expiry: z.string().max(10),
  cvc: z.string().max(10),
  /** The answer to the simulated bank challenge, for cards that need authentication. */
  authentication: z.enum(["approve", "fail"]).optional(),
});

export type TestPaymentInput = z.output<typeof testPaymentSchema>;
