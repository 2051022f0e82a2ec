import { z } from "zod";
import { emailField, intField, lenientIntField, shortText } from "@/lib/kernel/fields/fields";
import { brandingSchema } from "@/lib/domain/platforms/branding-schema";

export const createPlatformSchema = z.strictObject({
  name: shortText(80),
  branding: brandingSchema.optional(),
});

export const reconcileSchema = z.strictObject({
  /** Stripe keeps 30 days of events; a longer look back still reads PaymentIntents and their refunds. */
  days: intField(1, 90).default(30),
  repair: z.boolean().default(true),
});

export const outboxQuerySchema = z.strictObject({
  to: emailField().optional(),
  limit: lenientIntField(1, 100, 20),
});
