import { z } from "zod";
import { emailField, textField } from "@/lib/kernel/fields/fields";

/** Every message Billfold sends a customer. Optional ones carry an unsubscribe link; the rest are about money that moved. */
export const EMAIL_KINDS = [
  "receipt",
  "auto_top_up_succeeded",
  "auto_top_up_failed",
  "auto_top_up_paused",
  "auto_top_up_action_required",
  "low_balance",
  "credits_expiring",
  "plan_renewal_failed",
  "plan_ending",
] as const;

export type EmailKind = (typeof EMAIL_KINDS)[number];

/** What a customer may turn off; receipts and failed or blocked charges always go out while the platform sends them. */
export const OPTIONAL_EMAIL_KINDS: readonly EmailKind[] = ["auto_top_up_succeeded", "low_balance", "credits_expiring", "plan_ending"];

export function isOptionalKind(kind: string): kind is EmailKind {
  return (OPTIONAL_EMAIL_KINDS as readonly string[]).includes(kind);
}

/** The locales email catalogues exist for (messages/email/<locale>.json): the portal's. */
export { SUPPORTED_LOCALES as EMAIL_LOCALES } from "@/lib/kernel/i18n/locales";

export interface EmailSettings {
  /** Kinds the platform sends; a kind left out of the stored map is on. */
  kinds: Record<EmailKind, boolean>;
  senderName: string | null;
  replyTo: string | null;
  /** Whether signed-out customers may ask for a sign-in link by email. */
  signInByEmail: boolean;
}

const kindsSchema = z.partialRecord(z.enum(EMAIL_KINDS), z.boolean());

/** The `emails` part of PUT /platform/settings. */
export const emailSettingsSchema = z
  .strictObject({
    kinds: kindsSchema.optional().meta({ description: "Message kinds to send (true) or not (false); kinds left out are sent." }),
    sender_name: textField(80, { trim: true, min: 1, pattern: { regex: /^[^\r\n<>"]+$/, message: "Must be a plain name." } }).nullish().meta({ description: "Shown as the sender; default the platform's name." }),
    reply_to: emailField().nullish().meta({ description: "Where customers' replies go." }),
    sign_in_by_email: z.boolean().optional().meta({ description: "Signed-out customers may ask for a sign-in link by email." }),
  })
  .meta({ description: "Emails Billfold sends your customers on your behalf." });

export type EmailSettingsInput = z.output<typeof emailSettingsSchema>;

const allOn = Object.fromEntries(EMAIL_KINDS.map((k) => [k, true])) as Record<EmailKind, boolean>;

export const DEFAULT_EMAIL_SETTINGS: EmailSettings = { kinds: allOn, senderName: null, replyTo: null, signInByEmail: true };

export function emailSettingsFromInput(input: EmailSettingsInput | undefined): EmailSettings {
  const d = DEFAULT_EMAIL_SETTINGS;
  return {
    kinds: { ...allOn, ...input?.kinds },
    senderName: input?.sender_name ?? null,
    replyTo: input?.reply_to ?? null,
    signInByEmail: input?.sign_in_by_email ?? d.signInByEmail,
  };
}

/** As the API shows them and as they are stored under `emails`. */
export function serializeEmailSettings(s: EmailSettings) {
  return { kinds: s.kinds, sender_name: s.senderName, reply_to: s.replyTo, sign_in_by_email: s.signInByEmail };
}

/** The stored `emails` part read back; anything unreadable takes the default. */
export function readEmailSettings(stored: Record<string, unknown>): EmailSettings {
  const parsed = emailSettingsSchema.safeParse(stored.emails);
  return parsed.success ? emailSettingsFromInput(parsed.data) : DEFAULT_EMAIL_SETTINGS;
}
