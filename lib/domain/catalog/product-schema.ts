import { z } from "zod";
import { listQuerySchema } from "@/lib/kernel/fields/page-query";
import { assetCodeField, decimalField, idField, intField, optionalText, patternField, shortText, textField } from "@/lib/kernel/fields/fields";
import { checkPrice } from "./price-rules";

const nameField = () => shortText(200);
const keyField = () => idField(100);
const interval = z.enum(["day", "week", "month", "year"]);

const PRODUCT_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

const rateValueSchema = z.strictObject({
  name: nameField().nullish(),
  unit_price: decimalField({ nonNegative: true }).optional(),
  volume_rate: decimalField({ nonNegative: true }).optional(),
  package_size: decimalField({ positive: true }).optional(),
});

/** A flat value (`unit_price`, `volume_rate`, `package_size`) or a dimensional one (`dimensions` + `values`). */
const pricingValueSchema = rateValueSchema.extend({
  dimensions: z.record(keyField(), idField(200)).optional(),
  values: z.array(rateValueSchema).max(1, "Exactly one value per dimensional entry.").optional(),
});

const assetPricingSchema = z.strictObject({
  asset: assetCodeField(),
  values: z.array(pricingValueSchema).min(1, "At least one value.").max(500),
});

const usageCalculationSchema = z.strictObject({
  event_type: shortText(200),
  usage_type: z.enum(["unit", "volume", "unit_and_volume"]),
  volume_field: keyField().nullish(),
  source_reference_field: keyField().nullish(),
  billable_dimensions: z.array(keyField()).max(5).optional(),
});

const billingModelSchema = z.strictObject({
  type: z.enum(["real_time", "recurring"]),
  recurring: z.strictObject({ interval, interval_count: intField(1, 12).optional() }).optional(),
});

const priceSchema = z
  .strictObject({
    name: nameField(),
    type: z.enum(["usage_based", "fixed"]),
    billing_model: billingModelSchema,
    usage_calculation: usageCalculationSchema.optional(),
    pricing: z.array(assetPricingSchema).min(1, "At least one asset.").max(10),
  })
  .superRefine(checkPrice);

const lifecycleSchema = z.strictObject({
  duration: interval,
  duration_count: intField(1, 1000).optional(),
  refresh: z.strictObject({ strategy: z.enum(["expire_and_replace", "rollover"]) }).nullish(),
});

const entitlementSchema = z
  .strictObject({
    name: nameField(),
    asset: assetCodeField(),
    amount: decimalField({ positive: true }),
    purpose: z.enum(["bundled", "promotion"]),
    lifecycle: lifecycleSchema.nullish(),
    /** The older shape: `refresh: {interval, strategy}` at the top level; stored as `lifecycle`. */
    refresh: z.strictObject({ interval, strategy: z.enum(["expire_and_replace", "rollover"]) }).optional(),
    accounting: z
      .strictObject({
        revenue_basis: decimalField({ nonNegative: true }).optional(),
        cost_basis: z.union([z.literal("auto"), decimalField({ nonNegative: true })]).optional(),
      })
      .optional(),
  })
  .superRefine((e, ctx) => {
    if (e.refresh && e.lifecycle) ctx.addIssue({ code: "custom", path: ["refresh"], message: "Give lifecycle or refresh, not both." });
  });

const definitionFields = {
  name: nameField(),
  description: optionalText(2000),
  prices: z.array(priceSchema).max(50).default([]),
  entitlements: z.array(entitlementSchema).max(20).default([]),
  publish: z.boolean().optional(),
};

function needsSomething(d: { prices: unknown[]; entitlements: unknown[] }, ctx: z.RefinementCtx): void {
  if (d.prices.length === 0 && d.entitlements.length === 0) {
    ctx.addIssue({ code: "custom", path: ["prices"], message: "A product needs at least one price or entitlement." });
  }
}

export const createProductSchema = z
  .strictObject({
    ...definitionFields,
    code: patternField(PRODUCT_CODE, "Letters, digits, '_', '.' and '-' (at most 100), starting with a letter or digit.", 100),
  })
  .superRefine(needsSomething);

/** POST /products/:id: a new version from a full definition; `code`, when sent, must be the product's. */
export const createVersionSchema = z
  .strictObject({ ...definitionFields, code: textField(100).optional(), make_default: z.boolean().optional() })
  .superRefine(needsSomething);

export const updateVersionSchema = z.strictObject({
  publish: z.boolean().optional(),
  make_default: z.boolean().optional(),
});

export const listProductsQuerySchema = listQuerySchema({ code: textField(100).optional() });

export type CreateProductInput = z.output<typeof createProductSchema>;
export type CreateVersionInput = z.output<typeof createVersionSchema>;
export type UpdateVersionInput = z.output<typeof updateVersionSchema>;
export type PriceInput = z.output<typeof priceSchema>;
export type EntitlementInput = z.output<typeof entitlementSchema>;
export type PricingValueInput = z.output<typeof pricingValueSchema>;
