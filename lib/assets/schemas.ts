import { z } from "zod";
import { assetCodeField, decimalField, intField, timestampField } from "@/lib/api/fields";

const fiatCode = z.string().regex(/^[A-Z]{3}$/, "Must be a fiat currency code such as USD.");

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
  name: z.string().trim().min(1).max(100),
  precision: intField(0, 12),
  symbol: z.string().max(8).nullish(),
  label: z.string().max(20).nullish(),
  rates: z.array(rateInputSchema).max(20).optional(),
});

export const quoteSchema = z.strictObject({
  source: fiatCode,
  amount: decimalField({ positive: true }),
});

export type CreateAssetInput = z.output<typeof createAssetSchema>;
export type RateInput = z.output<typeof rateInputSchema>;
