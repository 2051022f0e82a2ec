import { z } from "zod";
import { assetCodeField, currencyCodeField, decimalField, intField, optionalText, shortText, timestampField } from "@/lib/kernel/fields/fields";

const fiatCode = currencyCodeField();

export const rateInputSchema = z
  .strictObject({
    source: fiatCode,
    rate: decimalField({ positive: true }).optional(),
    inverse_rate: decimalField({ positive: true }).optional(),
    effective_at: timestampField().optional(),
  })
  .superRefine((r, ctx) => {
    if ((r.rate === undefined) === (r.inverse_rate === undefined)) {
      ctx.addIssue({ code: "custom", path: ["rate"], message: "Give exactly one of rate or inverse_rate." });
    }
  });

export const createAssetSchema = z.strictObject({
  code: assetCodeField(),
  name: shortText(100),
  precision: intField(0, 12),
  symbol: optionalText(8),
  label: optionalText(20),
  rates: z.array(rateInputSchema).max(20).optional(),
});

export const quoteSchema = z.strictObject({
  source: fiatCode,
  amount: decimalField({ positive: true }),
});

export type CreateAssetInput = z.output<typeof createAssetSchema>;
export type RateInput = z.output<typeof rateInputSchema>;
