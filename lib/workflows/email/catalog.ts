import { createTranslator } from "use-intl/core";
import type { EmailLocale } from "@/lib/domain/notifications/locale";
import ar from "@/messages/email/ar.json";
import de from "@/messages/email/de.json";
import en from "@/messages/email/en.json";
import es from "@/messages/email/es.json";
import fr from "@/messages/email/fr.json";
import it from "@/messages/email/it.json";
import ja from "@/messages/email/ja.json";
import ko from "@/messages/email/ko.json";
import nl from "@/messages/email/nl.json";
import pl from "@/messages/email/pl.json";
import ptBR from "@/messages/email/pt-BR.json";
import zhCN from "@/messages/email/zh-CN.json";

export type EmailMessages = typeof en;

const CATALOGUES: Record<EmailLocale, EmailMessages> = { en, de, fr, es, it, "pt-BR": ptBR, nl, pl, ja, ko, "zh-CN": zhCN, ar };

/** ICU messages of one email catalogue; a key a catalogue lacks falls back to English rather than failing a send. */
export function emailTranslator(locale: EmailLocale) {
  const t = createTranslator({ locale, messages: CATALOGUES[locale] });
  const fallback = createTranslator({ locale: "en", messages: en });
  return (key: string, values?: Record<string, string | number>): string => {
    const k = key as Parameters<typeof t>[0];
    return t.has(k) ? t(k, values) : fallback(k, values);
  };
}

export type Translate = ReturnType<typeof emailTranslator>;

/** Right-to-left scripts among the catalogues. */
export function directionOf(locale: EmailLocale): "ltr" | "rtl" {
  return locale === "ar" ? "rtl" : "ltr";
}

export const CATALOGUE_LOCALES = Object.keys(CATALOGUES) as EmailLocale[];
export const catalogueOf = (locale: EmailLocale): EmailMessages => CATALOGUES[locale];
