import { z } from "zod";
import { assetCodeField, decimalField, optionalText, shortText, timestampField } from "@/lib/kernel/fields/fields";
import { thresholdsField } from "@/lib/domain/platforms/guardrails/settings-schema";
import { BUDGET_PERIODS } from "./periods";

/** POST /customers/{customerId}/wallet/holds: reserve funds before expensive work. */
export const createHoldSchema = z.strictObject({
  asset: assetCodeField(),
  amount: decimalField({ positive: true }),
  subject: optionalText(500).meta({ description: "What the work is, shown to the customer while it is in flight." }),
  description: optionalText(1000),
  expires_at: timestampField().meta({ description: "When the hold releases itself if no usage event settles it: at most 7 days ahead." }),
});

const laneSchema = z.strictObject({ dimension: shortText(100), value: shortText(200) });

/** PUT /customers/{customerId}/wallet/{accountId}/budget: the whole budget; `limit: null` removes it. */
export const putBudgetSchema = z.strictObject({
  limit: decimalField({ nonNegative: true }).nullable().meta({ description: "Spend allowed per period in the account's asset; null removes the budget." }),
  period: z.enum(BUDGET_PERIODS).optional().meta({ description: "UTC day, week from Monday, or calendar month. Default: the platform's." }),
  thresholds: thresholdsField().optional().meta({ description: "Percentages of the limit that send budget.threshold_reached. Default: the platform's." }),
  hard_stop: z.boolean().optional().meta({ description: "Refuse holds and usage that would go over the limit. Default: the platform's." }),
  lane: laneSchema.nullish().meta({ description: "Count only usage events whose data has this dimension value; null for the whole account." }),
});

export type CreateHoldInput = z.output<typeof createHoldSchema>;
export type PutBudgetInput = z.output<typeof putBudgetSchema>;
