import { DEFAULT_LOCALE, supportedLocaleOf, type SupportedLocale } from "@/lib/kernel/i18n/locales";

export type EmailLocale = SupportedLocale;

/** The first of the customer's choice, their billing locale and the platform default that is supported; else English. */
export function pickEmailLocale(...candidates: (string | null | undefined)[]): EmailLocale {
  for (const c of candidates) {
    const locale = supportedLocaleOf(c);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
