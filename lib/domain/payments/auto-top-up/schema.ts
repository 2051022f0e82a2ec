import { z } from "zod";
import { decimalField, idField } from "@/lib/kernel/fields/fields";

/** PUT /api/portal/auto-top-up/:accountId – the customer's settings for one wallet account. */
export const autoTopUpSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  threshold: decimalField({ nonNegative: true }),
  amount: decimalField({ positive: true }),
  monthly_cap: decimalField({ positive: true }).nullish(),
  payment_method_id: idField().nullish(),
  /** The customer ticked the authorisation; required to switch on. */
  consent: z.boolean().optional(),
  /** The customer saw that saving charges at once (balance already below the threshold) and agreed. */
  confirm_immediate_charge: z.boolean().optional(),
});

export type AutoTopUpSettingsInput = z.output<typeof autoTopUpSettingsSchema>;
