import { z } from "zod";
import { emailField, idField, intField, metadataField, textField, urlField } from "@/lib/kernel/fields/fields";

const productRefSchema = z.strictObject({
  code: idField(100),
  version: z.union([z.literal("default"), intField(1, 1_000_000)]).optional(),
});

export const subscriptionRequestSchema = z.strictObject({
  products: z.array(productRefSchema).min(1, "At least one product.").max(20),
  return_url: urlField()
    .optional()
    .meta({ description: "Where the customer goes after paying a plan's first period. Default: the platform's home_url (branding), else the portal's signed-out page." }),
  failure_url: urlField()
    .optional()
    .meta({ description: "Where the customer goes when that payment is cancelled or fails. Same default as return_url." }),
  redirect_to: z.enum(["return_url", "billing_portal"]).optional(),
});

export const createCustomerSchema = z.strictObject({
  name: textField(200, { trim: true }).nullish(),
  external_id: textField(255, { trim: true, min: 1 }).nullish(),
  email: emailField().nullish(),
  metadata: metadataField(),
  subscriptions: z.array(subscriptionRequestSchema).max(10).optional(),
});

export const listCustomersQuerySchema = z.strictObject({
  limit: textField(20).optional(),
  offset: textField(20).optional(),
  external_id: textField(255).optional(),
});

export type CreateCustomerInput = z.output<typeof createCustomerSchema>;
export type SubscriptionRequest = z.output<typeof subscriptionRequestSchema>;
