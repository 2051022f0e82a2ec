import { z } from "zod";
import { assetCodeField, decimalField, metadataField, timestampField } from "@/lib/api/fields";
import { ACCOUNT_NAME } from "./account-id";

export const ADJUSTMENT_REASONS = ["external_topup", "external_refund", "gift", "promotional", "adjustment"] as const;

export const createAdjustmentSchema = z.strictObject({
  transaction_id: z.string().trim().min(1, "Must not be empty.").max(255),
  account_name: z.string().regex(ACCOUNT_NAME, "Letters, digits, '-' and '_' (at most 40).").optional(),
  asset: assetCodeField(),
  amount: decimalField({ nonZero: true }),
  reason: z.enum(ADJUSTMENT_REASONS),
  description: z.string().max(500).nullish(),
  expires_at: timestampField().nullish(),
  metadata: metadataField(),
});

export type CreateAdjustmentInput = z.output<typeof createAdjustmentSchema>;
