import { z } from "zod";
import { textField } from "@/lib/kernel/fields/fields";
import { Decimal, dec } from "@/lib/kernel/money";
import { sellerSchema, type InvoiceOptionsInput, type SellerInput, type TaxSettingsInput } from "./settings-schema";

export type TaxBehavior = "exclusive" | "inclusive";

export interface Seller {
  legal_name: string;
  address: { line1: string; line2: string | null; city: string; postal_code: string | null; state: string | null; country: string };
  tax_id: { type: string; value: string } | null;
  support_email: string | null;
  support_url: string | null;
}

export interface TaxRate {
  country: string;
  percent: Decimal;
  name: string;
}

/** What a platform's invoices say about it, how they are numbered, and how tax is charged. */
export interface InvoicingSettings {
  seller: Seller | null;
  invoices: { numberPrefix: string; footer: string | null; requireBillingDetails: boolean };
  tax: { behavior: TaxBehavior; stripeTax: boolean; rates: TaxRate[] };
}

export const DEFAULT_INVOICING: InvoicingSettings = {
  seller: null,
  invoices: { numberPrefix: "INV-", footer: null, requireBillingDetails: false },
  tax: { behavior: "exclusive", stripeTax: false, rates: [] },
};

function normalizeSeller(s: SellerInput): Seller {
  const a = s.address;
  return {
    legal_name: s.legal_name,
    address: { line1: a.line1, line2: a.line2 || null, city: a.city, postal_code: a.postal_code || null, state: a.state || null, country: a.country },
    tax_id: s.tax_id ?? null,
    support_email: s.support_email ?? null,
    support_url: s.support_url ?? null,
  };
}

/** The settings from a PUT /platform/settings body; parts left out take their defaults. */
export function invoicingFromInput(input: { seller?: SellerInput | null; invoices?: InvoiceOptionsInput; tax?: TaxSettingsInput }): InvoicingSettings {
  const d = DEFAULT_INVOICING;
  return {
    seller: input.seller ? normalizeSeller(input.seller) : null,
    invoices: {
      numberPrefix: input.invoices?.number_prefix ?? d.invoices.numberPrefix,
      footer: input.invoices?.footer ?? null,
      requireBillingDetails: input.invoices?.require_billing_details ?? false,
    },
    tax: { behavior: input.tax?.behavior ?? d.tax.behavior, stripeTax: input.tax?.stripe_tax ?? false, rates: input.tax?.rates ?? [] },
  };
}

/** As the API shows them and as they are stored (percentages as decimal strings, never floats). */
export function serializeInvoicing(s: InvoicingSettings) {
  return {
    seller: s.seller,
    invoices: { number_prefix: s.invoices.numberPrefix, footer: s.invoices.footer, require_billing_details: s.invoices.requireBillingDetails },
    tax: { behavior: s.tax.behavior, stripe_tax: s.tax.stripeTax, rates: s.tax.rates.map((r) => ({ country: r.country, percent: r.percent, name: r.name })) },
  };
}

export function storedInvoicing(s: InvoicingSettings) {
  const out = serializeInvoicing(s);
  return { ...out, tax: { ...out.tax, rates: s.tax.rates.map((r) => ({ ...r, percent: r.percent.toString() })) } };
}

const storedSchema = z.object({
  invoices: z.object({ number_prefix: textField(12), footer: textField(1000).nullable(), require_billing_details: z.boolean() }),
  tax: z.object({
    behavior: z.enum(["exclusive", "inclusive"]),
    stripe_tax: z.boolean(),
    rates: z.array(z.object({ country: textField(2), percent: textField(40), name: textField(40) })),
  }),
});

/** Stored settings read back; a platform that never set them gets the defaults. */
export function readInvoicing(stored: Record<string, unknown>): InvoicingSettings {
  const parsed = storedSchema.safeParse(stored);
  if (!parsed.success) return DEFAULT_INVOICING;
  const seller = sellerSchema.safeParse(stored.seller);
  const { invoices, tax } = parsed.data;
  return {
    seller: seller.success ? normalizeSeller(seller.data) : null,
    invoices: { numberPrefix: invoices.number_prefix, footer: invoices.footer, requireBillingDetails: invoices.require_billing_details },
    tax: { behavior: tax.behavior, stripeTax: tax.stripe_tax, rates: tax.rates.map((r) => ({ ...r, percent: dec(r.percent) })) },
  };
}
