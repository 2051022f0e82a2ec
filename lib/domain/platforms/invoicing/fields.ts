import countries from "i18n-iso-countries";
import { z } from "zod";
import { patternField, textField } from "@/lib/kernel/fields/fields";
import { TAX_ID_TYPES, compactTaxId, validTaxId } from "./tax-ids";

/** An assigned ISO 3166-1 alpha-2 country (not a grouping such as EU or a reserved code). */
export function isCountry(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

export const countryField = () =>
  patternField(/^[A-Z]{2}$/, "Must be an ISO 3166-1 alpha-2 country code such as DE.", 2).refine(isCountry, "Must be an assigned ISO 3166-1 country code.");

const line = (max = 200) => textField(max, { trim: true }).nullish();

export const addressSchema = z.strictObject({
  line1: textField(200, { trim: true, min: 1 }),
  line2: line(),
  city: textField(100, { trim: true, min: 1 }),
  postal_code: line(20),
  state: line(100),
  country: countryField(),
});

/** A tax ID of a known type whose format and check digits hold (spaces, dots and dashes are ignored). */
export const taxIdSchema = z
  .strictObject({ type: z.enum(TAX_ID_TYPES), value: textField(40, { trim: true, min: 1 }).transform(compactTaxId) })
  .superRefine((id, ctx) => {
    if (!validTaxId(id.type, id.value)) ctx.addIssue({ code: "custom", path: ["value"], message: `Not a valid ${id.type} number.` });
  });

export type Address = z.output<typeof addressSchema>;
export type TaxId = z.output<typeof taxIdSchema>;
