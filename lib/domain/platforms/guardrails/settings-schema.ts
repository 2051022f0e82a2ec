import { z } from "zod";
import { assetCodeField, decimalField, intField } from "@/lib/kernel/fields/fields";

const BUDGET_PERIODS = ["day", "week", "month"] as const;

/** Percentages of a budget's limit at which the customer is alerted: 1 to 100, at most 5, no repeats. */
export const thresholdsField = () =>
  z
    .array(intField(1, 100))
    .max(5, "At most 5 thresholds.")
    .refine((t) => new Set(t).size === t.length, "Each threshold once.");

/** The `guardrails` part of PUT /platform/settings: what customers' budgets default to and may be, and overdraft for holds. */
export const guardrailSettingsSchema = z.strictObject({
  budgets: z
    .strictObject({
      customer_editable: z.boolean().optional().meta({ description: "Whether customers may set their own budgets in the portal. Default true." }),
      default_period: z.enum(BUDGET_PERIODS).optional(),
      default_thresholds: thresholdsField().optional().meta({ description: "Percentages alerted when a budget leaves them out. Default [50, 80, 100]." }),
      default_hard_stop: z.boolean().optional(),
      max_limit: decimalField({ positive: true }).nullish().meta({ description: "The highest limit a customer may set in the portal (in the account's asset); null for none." }),
    })
    .optional(),
  holds: z
    .strictObject({
      no_overdraft_assets: z
        .array(assetCodeField())
        .max(50)
        .optional()
        .meta({ description: "Assets whose holds are refused with insufficient_funds unless the available balance covers them." }),
    })
    .optional(),
});

export type GuardrailSettingsInput = z.output<typeof guardrailSettingsSchema>;
