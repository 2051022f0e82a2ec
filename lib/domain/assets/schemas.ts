import { z } from "zod";
import { SUPPORTED_LOCALES } from "@/lib/kernel/i18n/locales";
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
  names: z
    .partialRecord(z.enum(SUPPORTED_LOCALES), shortText(100))
    .optional()
    .meta({ description: "The asset's name in other portal languages, e.g. {\"de\": \"Guthaben\", \"ja\": \"クレジット\"}; `name` is shown where a locale has none." }),
  rates: z.array(rateInputSchema).max(20).optional(),
});

export const quoteSchema = z.strictObject({
  source: fiatCode,
  amount: decimalField({ positive: true }),
});

export type CreateAssetInput = z.output<typeof createAssetSchema>;
export type RateInput = z.output<typeof rateInputSchema>;
