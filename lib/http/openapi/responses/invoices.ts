import { z } from "zod";
import { amount, timestamp } from "./common";

export const addressResponse = z.object({
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  postal_code: z.string().nullable(),
  state: z.string().nullable(),
  country: z.string().meta({ description: "ISO 3166-1 alpha-2" }),
});

export const taxIdResponse = z.object({ type: z.string().meta({ description: "e.g. eu_vat, gb_vat, us_ein" }), value: z.string() });

export const billingDetailsResponse = z.object({
  name: z.string().nullable(),
  company: z.string().nullable(),
  address: addressResponse,
  tax_id: taxIdResponse.nullable(),
  email: z.string().nullable(),
  locale: z.string().nullable(),
});

export const sellerResponse = z.object({
  legal_name: z.string(),
  address: addressResponse,
  tax_id: taxIdResponse.nullable(),
  support_email: z.string().nullable(),
  support_url: z.string().nullable(),
});

export const invoicingSettingsResponse = {
  seller: sellerResponse.nullable(),
  invoices: z.object({ number_prefix: z.string(), footer: z.string().nullable(), require_billing_details: z.boolean() }),
  tax: z.object({
    behavior: z.enum(["exclusive", "inclusive"]),
    stripe_tax: z.boolean(),
    rates: z.array(z.object({ country: z.string(), percent: amount(), name: z.string() })),
  }),
};

const party = z.object({
  address: addressResponse.nullable(),
  tax_id: taxIdResponse.nullable(),
});

export const invoiceResponse = z.object({
  id: z.string(),
  object: z.enum(["invoice", "credit_note"]),
  number: z.string().meta({ description: "Gapless per platform, mode and kind, e.g. INV-000042 (test mode INV-TEST-000042, credit notes INV-CN-000007)." }),
  customer_id: z.string(),
  top_up_id: z.string().meta({ description: "The top-up, auto top-up or plan charge it documents." }),
  credited_invoice_id: z.string().nullable(),
  status: z.enum(["paid", "refunded"]),
  currency: z.string(),
  issued_at: timestamp(),
  supply_date: timestamp(),
  locale: z.string(),
  seller: party.extend({ legal_name: z.string(), support_email: z.string().nullable(), support_url: z.string().nullable() }),
  buyer: party.extend({ name: z.string().nullable(), company: z.string().nullable(), email: z.string().nullable() }),
  lines: z.array(
    z.object({
      kind: z.enum(["top_up", "bonus", "plan", "refund"]),
      description: z.string(),
      quantity: z.object({ value: amount(), unit: z.string() }).nullable(),
      rate: amount().nullable().meta({ description: "Price of one unit of a custom asset." }),
      period: z.object({ start: timestamp(), end: timestamp() }).nullable(),
      amount: amount(),
    }),
  ),
  tax_behavior: z.enum(["exclusive", "inclusive"]),
  taxes: z.array(z.object({ name: z.string(), country: z.string().nullable(), rate: amount().nullable(), taxable: amount(), amount: amount() })),
  subtotal: amount(),
  total_excluding_tax: amount(),
  tax_total: amount(),
  total: amount(),
  payment: z.object({ method: z.string(), brand: z.string().nullable(), last4: z.string().nullable(), paid_at: timestamp().nullable(), status: z.enum(["paid", "refunded"]) }),
  footer: z.string().nullable(),
  pdf_url: z.string(),
  live_mode: z.boolean(),
});
