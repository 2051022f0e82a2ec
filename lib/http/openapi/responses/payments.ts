import { guardrailSettingsResponse } from "./guardrails";
import { SUPPORTED_LOCALES } from "@/lib/kernel/i18n/locales";
import { z } from "zod";
import { invoicingSettingsResponse } from "./invoices";
import { amount, nullableTimestamp, timestamp } from "./common";

const topUpStatus = z.enum(["initiated", "processing", "completed", "failed", "cancelled", "expired"]);

export const topUpCreatedResponse = z.object({
  id: z.string(),
  status: topUpStatus,
  redirect_url: z.string(),
  created_at: timestamp(),
  expires_at: nullableTimestamp(),
});

export const topUpResponse = z.object({
  id: z.string(),
  customer_id: z.string(),
  status: topUpStatus,
  origin: z.string(),
  amount: amount(),
  currency: z.string(),
  description: z.string().nullable(),
  destination: z.object({ account_name: z.string(), asset: z.string(), exchange_rate: amount() }),
  credited_amount: amount(),
  credit_expires_at: nullableTimestamp(),
  metadata: z.record(z.string(), z.string()),
  payment_method: z.object({ brand: z.string().nullable(), last4: z.string().nullable() }).nullable(),
  receipt_url: z.string().nullable(),
  failure: z.object({ code: z.string().nullable(), message: z.string().nullable() }).nullable(),
  created_at: timestamp(),
  expires_at: nullableTimestamp(),
  completed_at: nullableTimestamp(),
});

export const settingsResponse = z.object({
  currency: z.string(),
  top_up: z.object({ min_amount: amount(), max_amount: amount(), presets: z.array(amount()) }),
  auto_top_up: z.object({ max_charges_per_day: z.number().int() }),
  ...invoicingSettingsResponse,
  ...guardrailSettingsResponse,
  spend_lanes: z.array(z.object({ dimension: z.string(), label: z.string() })),
  emails: z.object({
    kinds: z.record(z.string(), z.boolean()),
    sender_name: z.string().nullable(),
    reply_to: z.string().nullable(),
    sign_in_by_email: z.boolean(),
  }),
  default_locale: z.enum(SUPPORTED_LOCALES),
});
