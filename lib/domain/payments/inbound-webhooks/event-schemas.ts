import { z } from "zod";

// Only the fields we act on; Stripe adds fields over time and those must not make an event unreadable.
const id = z.string().min(1).max(255);
const ref = id.nullish();
const minor = z.number().int().nonnegative().max(1e15);

export const eventSchema = z.object({
  id,
  type: z.string().max(255),
  livemode: z.boolean(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

export const sessionSchema = z.object({
  id,
  mode: z.string(),
  status: z.string().nullish(),
  payment_status: z.string().nullish(),
  payment_intent: ref,
  setup_intent: ref,
  customer: ref,
  metadata: z.record(z.string(), z.string()).nullish(),
  /** With Stripe Tax: what Checkout charged, and the tax in it. */
  amount_total: minor.nullish(),
  currency: z.string().nullish(),
  total_details: z.object({ amount_tax: minor.nullish() }).nullish(),
  customer_details: z.object({ address: z.object({ country: z.string().nullish() }).nullish() }).nullish(),
});

export const intentRefSchema = z.object({ id });

export const chargeSchema = z.object({ id, payment_intent: ref });

export const refundSchema = z.object({ id, amount: minor, currency: z.string(), status: z.string().nullish(), payment_intent: ref });

export const disputeSchema = z.object({ id, amount: minor, currency: z.string(), status: z.string(), payment_intent: ref, charge: ref });

export type StripeEventLite = z.output<typeof eventSchema>;
export type RefundLite = z.output<typeof refundSchema>;
