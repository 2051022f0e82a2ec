import { z } from "zod";
import { amount, nullableTimestamp, timestamp } from "./common";

export const grantResponse = z.object({
  id: z.string(),
  account_id: z.string(),
  asset: z.string(),
  purpose: z.enum(["promotional", "bundled", "paid"]),
  amount: amount(),
  remaining: amount(),
  effective_at: timestamp(),
  expires_at: nullableTimestamp(),
  expired_at: nullableTimestamp(),
  source: z.object({ type: z.enum(["entitlement", "adjustment", "top_up", "coupon"]), id: z.string() }),
  created_at: timestamp(),
});

const grantExpiry = { grant_expires_at: nullableTimestamp(), grant_expires_in_days: z.number().int().nullable() };

export const couponResponse = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.enum(["credit_grant", "top_up_bonus"]),
  credit_grant: z.object({ asset: z.string(), amount: amount(), ...grantExpiry }).optional(),
  top_up_bonus: z.object({ percent: amount(), top_ups: z.number().int(), ...grantExpiry }).optional(),
  expires_at: nullableTimestamp(),
  max_redemptions: z.number().int().nullable(),
  redemptions: z.number().int(),
  active: z.boolean(),
  deactivated_at: nullableTimestamp(),
  created_at: timestamp(),
});
