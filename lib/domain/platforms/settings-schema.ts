import { z } from "zod";
import { decimalField, fiatCurrencyField, intField } from "@/lib/kernel/fields/fields";
import { isFiat } from "@/lib/kernel/money/fiat";
import { invoiceOptionsSchema, sellerSchema, taxSettingsSchema } from "@/lib/domain/platforms/invoicing/settings-schema";
import { chargeAmountProblem } from "@/lib/kernel/money/limits";
import type { Decimal } from "@/lib/kernel/money";
import { DEFAULT_SETTINGS } from "./settings";
import { guardrailSettingsSchema } from "./guardrails/settings-schema";
import { spendLanesSchema } from "./spend-lanes";
import { emailSettingsSchema } from "./email-settings";
import { SUPPORTED_LOCALES } from "@/lib/kernel/i18n/locales";

/** PUT /platform/settings: the whole settings object; omitted parts take their defaults. */
export const platformSettingsSchema = z
  .strictObject({
    currency: fiatCurrencyField().optional(),
    top_up: z
      .strictObject({
        min_amount: decimalField({ positive: true }).optional(),
        max_amount: decimalField({ positive: true }).optional(),
        presets: z.array(decimalField({ positive: true })).max(6, "At most 6 presets.").optional(),
      })
      .optional(),
    auto_top_up: z.strictObject({ max_charges_per_day: intField(1, 24).optional() }).optional(),
    seller: sellerSchema.nullish().meta({ description: "The platform as seller, printed on every invoice and credit note." }),
    invoices: invoiceOptionsSchema.optional(),
    tax: taxSettingsSchema.optional(),
    guardrails: guardrailSettingsSchema.optional().meta({ description: "Customers' budgets (defaults, bounds, whether they may change them) and overdraft for holds." }),
    spend_lanes: spendLanesSchema.optional(),
    emails: emailSettingsSchema.optional(),
    default_locale: z
      .enum(SUPPORTED_LOCALES)
      .optional()
      .meta({ description: "The portal's language when neither the session, the customer's own choice nor the browser names a supported one. Default `en`." }),
  })
  .superRefine((s, ctx) => {
    // Refinements run even when a field failed its own checks: judge amounts against a currency that is one.
    const currency = s.currency && isFiat(s.currency) ? s.currency : "USD";
    const min = s.top_up?.min_amount ?? DEFAULT_SETTINGS.topUp.minAmount;
    const max = s.top_up?.max_amount ?? DEFAULT_SETTINGS.topUp.maxAmount;
    const check = (value: Decimal | undefined, path: (string | number)[]) => {
      const problem = value && chargeAmountProblem(value, currency);
      if (problem) ctx.addIssue({ code: "custom", path, message: problem });
    };
    check(min, ["top_up", "min_amount"]);
    check(max, ["top_up", "max_amount"]);
    if (min.gt(max)) {
      const field = s.top_up?.max_amount ? "max_amount" : "min_amount";
      ctx.addIssue({ code: "custom", path: ["top_up", field], message: `min_amount (${min.toString()}) must not exceed max_amount (${max.toString()}).` });
    }
    s.top_up?.presets?.forEach((p, i) => {
      check(p, ["top_up", "presets", i]);
      if (p.lt(min) || p.gt(max)) {
        ctx.addIssue({ code: "custom", path: ["top_up", "presets", i], message: "Must be between min_amount and max_amount." });
      }
    });
  });

export type PlatformSettingsInput = z.output<typeof platformSettingsSchema>;
