import { z } from "zod";
import { amount, nullableTimestamp, timestamp } from "./common";

const lane = z.object({ dimension: z.string(), value: z.string() }).nullable();

export const holdResponse = z.object({
  id: z.string(),
  customer_id: z.string(),
  account_id: z.string(),
  asset: z.string(),
  amount: amount(),
  subject: z.string().nullable(),
  description: z.string().nullable(),
  status: z.enum(["active", "settled", "released", "expired"]).meta({ description: "As of the response: an active hold past expires_at reads as expired." }),
  expires_at: timestamp(),
  settled_amount: amount().nullable().meta({ description: "What the settling usage event charged in the hold's asset (more or less than held)." }),
  event_id: z.string().nullable(),
  resolved_at: nullableTimestamp(),
  created_at: timestamp(),
});

export const budgetResponse = z.object({
  account_id: z.string(),
  asset: z.string(),
  limit: amount().nullable().meta({ description: "Null: no budget (the other fields show the platform's defaults)." }),
  period: z.enum(["day", "week", "month"]),
  thresholds: z.array(z.number().int()),
  hard_stop: z.boolean(),
  lane,
  current_period: z.object({
    start: timestamp(),
    end: timestamp(),
    spent: amount().meta({ description: "Usage debited this period (in the lane, for a lane budget)." }),
    held: amount().meta({ description: "Active holds on the account." }),
    thresholds_reached: z.array(z.number().int()),
  }),
  customer_editable: z.boolean(),
  max_limit: amount().nullable(),
});

export const guardrailSettingsResponse = {
  guardrails: z.object({
    budgets: z.object({
      customer_editable: z.boolean(),
      default_period: z.enum(["day", "week", "month"]),
      default_thresholds: z.array(z.number().int()),
      default_hard_stop: z.boolean(),
      max_limit: amount().nullable(),
    }),
    holds: z.object({ no_overdraft_assets: z.array(z.string()) }),
  }),
};
