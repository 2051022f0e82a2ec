import { z } from "zod";
import { assetCodeField, decimalField, idField, metadataField, optionalText, patternField, timestampField } from "@/lib/kernel/fields/fields";
import { ACCOUNT_NAME } from "@/lib/domain/wallet/account-id";

const ADJUSTMENT_REASONS = ["external_topup", "external_refund", "gift", "promotional", "adjustment"] as const;

export const createAdjustmentSchema = z.strictObject({
  /** The idempotency key, compared exactly as sent. */
  transaction_id: idField(),
  account_name: patternField(ACCOUNT_NAME, "Letters, digits, '-' and '_' (at most 40).", 40).optional(),
  asset: assetCodeField(),
  amount: decimalField({ nonZero: true }),
  reason: z.enum(ADJUSTMENT_REASONS),
  description: optionalText(500),
  expires_at: timestampField().nullish(),
  metadata: metadataField(),
});

export type CreateAdjustmentInput = z.output<typeof createAdjustmentSchema>;
