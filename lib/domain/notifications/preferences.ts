import { and, eq } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { DbOrTx } from "@/lib/kernel/db";
import { emailPreferences } from "@/lib/kernel/db/schema";
import { inScope, type CustomerScope } from "@/lib/kernel/scope";
import { z } from "zod";
import { EMAIL_LOCALES, isOptionalKind, OPTIONAL_EMAIL_KINDS, type EmailKind } from "@/lib/domain/platforms/email-settings";

export interface EmailPreferences {
  /** Optional kinds the customer receives. */
  subscribed: Record<string, boolean>;
  locale: string | null;
}

async function stored(db: DbOrTx, scope: CustomerScope) {
  const [row] = await db
    .select()
    .from(emailPreferences)
    .where(and(inScope(emailPreferences, scope), eq(emailPreferences.customerId, scope.customerId)))
    .limit(1);
  return row ?? null;
}

export async function getEmailPreferences(db: DbOrTx, scope: CustomerScope): Promise<EmailPreferences> {
  const row = await stored(db, scope);
  const out = new Set(row?.optedOut ?? []);
  return { subscribed: Object.fromEntries(OPTIONAL_EMAIL_KINDS.map((k) => [k, !out.has(k)])), locale: row?.locale ?? null };
}

/** Whether the customer turned this kind off; kinds that are not optional cannot be. */
export async function optedOut(db: DbOrTx, scope: CustomerScope, kind: EmailKind): Promise<boolean> {
  if (!isOptionalKind(kind)) return false;
  return (await stored(db, scope))?.optedOut.includes(kind) ?? false;
}

/** Replaces the customer's choices: `subscribed` names optional kinds on (true) or off (false); others are kept. */
export async function saveEmailPreferences(db: DbOrTx, scope: CustomerScope, change: { subscribed?: Partial<Record<string, boolean>>; locale?: string | null }): Promise<EmailPreferences> {
  const row = await stored(db, scope);
  const out = new Set(row?.optedOut ?? []);
  for (const [kind, on] of Object.entries(change.subscribed ?? {})) {
    if (!isOptionalKind(kind) || on === undefined) continue;
    if (on) out.delete(kind);
    else out.add(kind);
  }
  const values = { optedOut: [...out].sort(), locale: change.locale === undefined ? (row?.locale ?? null) : change.locale, updatedAt: now() };
  await db
    .insert(emailPreferences)
    .values({ platformId: scope.platformId, liveMode: scope.liveMode, customerId: scope.customerId, ...values })
    .onConflictDoUpdate({ target: [emailPreferences.platformId, emailPreferences.liveMode, emailPreferences.customerId], set: values });
  return getEmailPreferences(db, scope);
}

/** PUT /api/portal/notifications: optional kinds on or off, and the language of emails (null: as the billing details say). */
export const emailPreferencesSchema = z.strictObject({
  subscribed: z.partialRecord(z.enum(OPTIONAL_EMAIL_KINDS as [EmailKind, ...EmailKind[]]), z.boolean()).optional(),
  locale: z.enum(EMAIL_LOCALES).nullish(),
});
