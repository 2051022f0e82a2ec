import { z } from "zod";
import { decimalField, emailField, patternField, textField, urlField } from "@/lib/kernel/fields/fields";
import { addressSchema, countryField, taxIdSchema } from "./fields";

/** The platform as seller: printed on every invoice and credit note. */
export const sellerSchema = z.strictObject({
  legal_name: textField(200, { trim: true, min: 1 }),
  address: addressSchema,
  tax_id: taxIdSchema.nullish(),
  support_email: emailField().nullish(),
  support_url: urlField().nullish(),
});

export const invoiceOptionsSchema = z.strictObject({
  number_prefix: patternField(/^[A-Z0-9-]{0,12}$/, "Up to 12 capital letters, digits and dashes.", 12)
    .optional()
    .meta({ description: "Starts every number, e.g. ACME- gives ACME-000001 (test mode: ACME-TEST-000001). Default INV-." }),
  footer: textField(1000).nullish().meta({ description: "Printed at the bottom of every document (payment terms, registration details)." }),
  require_billing_details: z
    .boolean()
    .optional()
    .meta({ description: "When true, the portal asks customers for billing details before their first payment." }),
});

const rateSchema = z.strictObject({
  country: countryField(),
  percent: decimalField({ nonNegative: true, scale: 4 }),
  name: textField(40, { trim: true, min: 1 }).meta({ description: "The tax's name on documents, e.g. VAT or GST." }),
});

export const taxSettingsSchema = z
  .strictObject({
    behavior: z.enum(["exclusive", "inclusive"]).optional().meta({ description: "Whether prices include tax. Default exclusive." }),
    stripe_tax: z.boolean().optional().meta({ description: "With Stripe: let Stripe Tax compute tax in Checkout." }),
    rates: z.array(rateSchema).max(250).optional().meta({ description: "Without Stripe Tax: the rate per buyer country. A country not listed pays none." }),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.rates?.forEach((r, i) => {
      if (r.percent.gte(100)) ctx.addIssue({ code: "custom", path: ["rates", i, "percent"], message: "Must be below 100." });
      if (seen.has(r.country)) ctx.addIssue({ code: "custom", path: ["rates", i, "country"], message: "Listed twice." });
      seen.add(r.country);
    });
  });

export type SellerInput = z.output<typeof sellerSchema>;
export type InvoiceOptionsInput = z.output<typeof invoiceOptionsSchema>;
export type TaxSettingsInput = z.output<typeof taxSettingsSchema>;
