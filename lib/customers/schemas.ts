import { z } from "zod";
import { metadataField, urlField } from "@/lib/api/fields";
import { intField } from "@/lib/api/fields";

export const productRefSchema = z.strictObject({
  code: z.string().min(1).max(100),
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
  name: z.string().trim().max(200).nullish(),
  external_id: z.string().trim().min(1).max(255).nullish(),
  email: z.email("Must be an email address.").max(320).nullish(),
  metadata: metadataField(),
  subscriptions: z.array(subscriptionRequestSchema).max(10).optional(),
});

export const listCustomersQuerySchema = z.strictObject({
  limit: z.string().optional(),
  offset: z.string().optional(),
  external_id: z.string().max(255).optional(),
});

export type CreateCustomerInput = z.output<typeof createCustomerSchema>;
export type SubscriptionRequest = z.output<typeof subscriptionRequestSchema>;
