import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { emailField, textField } from "@/lib/kernel/fields/fields";
import type { DbOrTx } from "@/lib/kernel/db";
import { customers } from "@/lib/kernel/db/schema";
import { NotFoundError } from "@/lib/kernel/errors";
import { getPlatformSettings } from "@/lib/domain/platforms/settings";
import { inScope, type CustomerScope } from "@/lib/kernel/scope";
import { addressSchema, taxIdSchema } from "@/lib/domain/platforms/invoicing/fields";

/** PUT billing details (portal and API alike): the whole set; a name or a company is required. */
export const billingDetailsSchema = z
  .strictObject({
    name: textField(200, { trim: true }).nullish(),
    company: textField(200, { trim: true }).nullish(),
    address: addressSchema,
    tax_id: taxIdSchema.nullish(),
    email: emailField().nullish().meta({ description: "Where receipts and invoices are sent; the customer's email when absent." }),
    locale: textField(35, { pattern: { regex: /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, message: "Must be a language tag such as de-DE." } })
      .nullish()
      .meta({ description: "How dates and amounts are written on documents, e.g. de-DE. Default en-US." }),
  })
  .superRefine((b, ctx) => {
    if (!b.name && !b.company) ctx.addIssue({ code: "custom", path: ["name"], message: "Enter a name or a company." });
  });

export type BillingDetailsInput = z.output<typeof billingDetailsSchema>;

/** Billing details as stored and shown: absent parts are null. */
export interface BillingDetails {
  name: string | null;
  company: string | null;
  address: { line1: string; line2: string | null; city: string; postal_code: string | null; state: string | null; country: string };
  tax_id: { type: string; value: string } | null;
  email: string | null;
  locale: string | null;
}

export function normalizeBillingDetails(b: BillingDetailsInput): BillingDetails {
  const a = b.address;
  return {
    name: b.name || null,
    company: b.company || null,
    address: { line1: a.line1, line2: a.line2 || null, city: a.city, postal_code: a.postal_code || null, state: a.state || null, country: a.country },
    tax_id: b.tax_id ?? null,
    email: b.email ?? null,
    locale: b.locale ?? null,
  };
}

/** Stored details read back through the same schema; anything unreadable counts as none. */
export function readBillingDetails(stored: unknown): BillingDetails | null {
  if (!stored) return null;
  const parsed = billingDetailsSchema.safeParse(stored);
  return parsed.success ? normalizeBillingDetails(parsed.data) : null;
}

/** @throws NotFoundError */
export async function saveBillingDetails(db: DbOrTx, scope: CustomerScope, input: BillingDetailsInput): Promise<BillingDetails> {
  const details = normalizeBillingDetails(input);
  const updated = await db
    .update(customers)
    .set({ billingDetails: { ...details } })
    .where(and(inScope(customers, scope), eq(customers.id, scope.customerId)))
    .returning({ id: customers.id });
  if (updated.length === 0) throw new NotFoundError("Customer");
  return details;
}

export async function getBillingDetails(db: DbOrTx, scope: CustomerScope): Promise<BillingDetails | null> {
  const [row] = await db
    .select({ billingDetails: customers.billingDetails })
    .from(customers)
    .where(and(inScope(customers, scope), eq(customers.id, scope.customerId)))
    .limit(1);
  return readBillingDetails(row?.billingDetails);
}

/** Whether the platform asks for billing details before a payment and this customer has given none. */
export async function needsBillingDetails(db: DbOrTx, scope: CustomerScope): Promise<boolean> {
  const { invoicing } = await getPlatformSettings(db, scope);
  return invoicing.invoices.requireBillingDetails && (await getBillingDetails(db, scope)) === null;
}
