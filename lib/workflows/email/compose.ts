import { createElement } from "react";
import { render } from "@react-email/render";
import type { DbOrTx } from "@/lib/kernel/db";
import type { emailMessages } from "@/lib/kernel/db/schema";
import { env } from "@/lib/kernel/env";
import type { CustomerScope } from "@/lib/kernel/scope";
import { readableOn } from "@/lib/domain/branding/contrast";
import { pickEmailLocale } from "@/lib/domain/notifications/locale";
import { unsubscribeUrls } from "@/lib/domain/notifications/unsubscribe-token";
import { isOptionalKind, readEmailSettings } from "@/lib/domain/platforms/email-settings";
import { defaultRedirectUrl, getPlatformOrThrow } from "@/lib/domain/platforms/get-platform";
import { mintPortalLink } from "@/lib/domain/portal-sessions/create-session-link";
import { signInPageUrl } from "@/lib/domain/portal-sessions/sign-in-platform";
import type { OutgoingMail } from "@/lib/kernel/mail/transport";
import { directionOf, emailTranslator } from "./catalog";
import { composeAccountNotice, composeSignIn } from "./compose-account";
import { composeAutoTopUpProblem, composeReceipt } from "./compose-payments";
import type { Composed, ComposeContext } from "./compose-types";
import { EmailLayout, type EmailFrame } from "./layout";

export type EmailRow = typeof emailMessages.$inferSelect;

function composeFor(c: ComposeContext): Promise<Composed | null> {
  switch (c.kind) {
    case "receipt":
    case "auto_top_up_succeeded":
      return composeReceipt(c);
    case "auto_top_up_failed":
    case "auto_top_up_paused":
    case "auto_top_up_action_required":
      return composeAutoTopUpProblem(c);
    case "sign_in":
      return composeSignIn(c);
    default:
      return composeAccountNotice(c);
  }
}

/**
 * The message as it goes out: subject, HTML and plain text in the customer's language, the platform's
 * name, colour and logo, and for an optional kind the one-click unsubscribe headers (RFC 8058).
 * Returns null when what it reports no longer exists.
 * @throws NotFoundError (platform)
 */
export async function composeEmail(db: DbOrTx, row: EmailRow): Promise<OutgoingMail | null> {
  const scope: CustomerScope = { platformId: row.platformId, liveMode: row.liveMode, customerId: row.customerId };
  const platform = await getPlatformOrThrow(db, row.platformId);
  const settings = readEmailSettings(platform.settings);
  const locale = pickEmailLocale(row.locale);
  const t = emailTranslator(locale);
  const back = defaultRedirectUrl(platform);
  const signInLink = async (next: string) => (await mintPortalLink(db, scope, { customerId: row.customerId, returnUrl: back, failureUrl: back, next })).redirectUrl;
  const ctx: ComposeContext = { db, scope, kind: row.kind, data: row.data, locale, t, platformName: platform.branding.name, signInPage: await signInPageUrl(db, row.platformId), signInLink };
  const composed = await composeFor(ctx);
  if (!composed) return null;
  const unsubscribe = isOptionalKind(row.kind) ? await unsubscribeUrls(db, scope, row.kind) : null;
  const frame: EmailFrame = {
    lang: locale, dir: directionOf(locale), brandName: platform.branding.name, logoUrl: platform.branding.logoUrl,
    color: platform.branding.primaryColor, colorText: readableOn(platform.branding.primaryColor),
    footer: t("common.footer", { platform: platform.branding.name }),
    unsubscribe: unsubscribe ? { label: t("common.unsubscribe"), url: unsubscribe.page } : null,
  };
  const element = createElement(EmailLayout, { content: composed.content, frame });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return {
    from: { name: settings.senderName ?? platform.branding.name, address: env().MAIL_FROM },
    to: row.toAddress,
    ...(settings.replyTo ? { replyTo: settings.replyTo } : {}),
    subject: composed.content.subject,
    html,
    text,
    messageId: `<${row.id}@${env().MAIL_FROM.split("@")[1]}>`,
    headers: unsubscribe ? { "List-Unsubscribe": `<${unsubscribe.oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : {},
    attachments: composed.attachments,
  };
}
