import { and, eq } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { DbOrTx } from "@/lib/kernel/db";
import { customers, emailMessages } from "@/lib/kernel/db/schema";
import { newId } from "@/lib/kernel/ids";
import { enqueueJob } from "@/lib/kernel/jobs/enqueue";
import { inScope, type CustomerScope } from "@/lib/kernel/scope";
import { readBillingDetails } from "@/lib/domain/customers/billing-details";
import { readEmailSettings, type EmailKind } from "@/lib/domain/platforms/email-settings";
import { findPlatform } from "@/lib/domain/platforms/get-platform";
import { readSettings } from "@/lib/domain/platforms/settings";
import { pickEmailLocale } from "./locale";
import { getEmailPreferences, optedOut } from "./preferences";

export const SEND_EMAIL_JOB = "email.send";
/** About a day of back-off (lib/kernel/jobs/backoff.ts) before a message is given up as failed. */
export const SEND_ATTEMPTS = 10;

/** A message to one customer; `kind` "sign_in" is the sign-in link a customer asked for. */
export interface EmailRequest {
  kind: EmailKind | "sign_in";
  /** What the message is about; a second request with the same key writes nothing. */
  key: string;
  data: Record<string, unknown>;
  /** The address to write to instead of the customer's own (a sign-in link goes where it was asked for). */
  toAddress?: string;
}

/**
 * Writes a message to the outbox and schedules its sending, in the caller's transaction, when the
 * platform sends this kind, the customer has an address and has not turned the kind off. Returns
 * the message id, or null when nothing was written (including a key already used).
 */
export async function queueEmail(tx: DbOrTx, scope: CustomerScope, request: EmailRequest): Promise<string | null> {
  const platform = await findPlatform(tx, scope.platformId);
  if (!platform) return null;
  const settings = readEmailSettings(platform.settings);
  if (request.kind === "sign_in" ? !settings.signInByEmail : !settings.kinds[request.kind]) return null;
  if (request.kind !== "sign_in" && (await optedOut(tx, scope, request.kind))) return null;
  const [customer] = await tx
    .select({ email: customers.email, billingDetails: customers.billingDetails })
    .from(customers)
    .where(and(inScope(customers, scope), eq(customers.id, scope.customerId)))
    .limit(1);
  const details = readBillingDetails(customer?.billingDetails);
  const toAddress = customer ? (request.toAddress ?? details?.email ?? customer.email) : null;
  if (!toAddress) return null;
  const { locale } = await getEmailPreferences(tx, scope);
  const id = newId("email");
  const [row] = await tx
    .insert(emailMessages)
    .values({
      id, ...scope, kind: request.kind, messageKey: request.key, toAddress, data: request.data, createdAt: now(),
      locale: pickEmailLocale(locale, details?.locale, readSettings(platform.settings).defaultLocale),
    })
    .onConflictDoNothing()
    .returning({ id: emailMessages.id });
  if (!row) return null;
  await enqueueJob(tx, { kind: SEND_EMAIL_JOB, payload: { messageId: id }, uniqueKey: `email:${id}`, maxAttempts: SEND_ATTEMPTS, fairGroup: scope.platformId });
  return id;
}
