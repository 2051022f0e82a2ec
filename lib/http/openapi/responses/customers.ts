import { z } from "zod";
import { billingDetailsResponse } from "./invoices";
import { amount, nullableTimestamp, timestamp } from "./common";

export const subscriptionResponse = z.object({
  id: z.string(),
  status: z.enum(["pending", "active", "past_due", "canceled"]),
  products: z.array(z.object({ id: z.string(), code: z.string(), version: z.number().int() })),
  started_at: timestamp(),
  created_at: timestamp(),
  current_period_start: nullableTimestamp(),
  current_period_end: nullableTimestamp(),
  canceled_at: nullableTimestamp(),
  cancel_at_period_end: z.boolean(),
  required_actions: z.array(z.object({ type: z.string(), redirect_url: z.string() })),
});

export const customerResponse = z.object({
  id: z.string(),
  external_id: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  metadata: z.record(z.string(), z.string()),
  created_at: timestamp(),
  external_accounts: z.array(z.unknown()),
  billing_details: billingDetailsResponse.nullable().meta({ description: "What invoices name the customer by; set with PATCH /customers/{customerId}." }),
  subscriptions: z.array(subscriptionResponse),
});

export const walletResponse = z.object({
  accounts: z.array(z.object({ id: z.string(), name: z.string(), asset: z.string(), available: amount() })),
});

export const walletAccountResponse = z.object({
  id: z.string(),
  name: z.string(),
  asset: z.string(),
  available: amount(),
  pending_in: amount(),
  pending_out: amount(),
});

export const adjustmentResponse = z.object({ id: z.string(), created_at: timestamp() });

export const transactionResponse = z.object({
  id: z.string(),
  account_id: z.string(),
  asset: z.string(),
  amount: amount(),
  balance_after: amount(),
  category: z.string(),
  reason: z.string().nullable(),
  description: z.string().nullable(),
  reference: z.object({ type: z.string(), id: z.string().nullable() }).nullable(),
  metadata: z.record(z.string(), z.string()),
  created_at: timestamp(),
});

export const portalSessionResponse = z.object({ redirect_url: z.string(), expires_at: timestamp() });

export const customerStatsResponse = z.object({
  id: z.string(),
  from: nullableTimestamp(),
  to: nullableTimestamp(),
  revenue: z.array(z.object({ asset: z.string(), amount: amount(), value: z.object({ currency: z.string(), amount: amount() }).nullable() })),
  costs: z.array(z.object({ currency: z.string(), amount: amount() })),
  margin: z.array(
    z.object({ currency: z.string(), revenue: amount(), costs: amount(), net: amount(), margin: z.number().nullable().meta({ description: "net / revenue" }) }),
  ),
});
