import { cookies, headers } from "next/headers";
import { cache } from "react";
import { visitorPlatform } from "@/lib/domain/portal-sessions/visitor-platform";
import { acceptedLanguages, chosenLocale, directionOf, LOCALE_COOKIE, negotiateLocale, PSEUDO_LOCALE, type PortalLocale } from "@/lib/kernel/i18n/locales";
import { validLocale } from "./locale";

export interface RequestLocale {
  /** The catalogue the page is written from. */
  locale: PortalLocale;
  /** How numbers and dates are written: the reader's own regional tag when it is of the same language (de-CH for de). */
  formatLocale: string;
  dir: "ltr" | "rtl";
}

function languageOf(tag: string): string {
  return tag.split("-")[0]!.toLowerCase();
}

/** The most specific tag the reader gave that speaks `locale`'s language, else `locale` itself. */
function formatLocaleFor(locale: string, candidates: (string | undefined)[]): string {
  if (locale === PSEUDO_LOCALE) return "en";
  for (const candidate of candidates) {
    const tag = validLocale(candidate);
    if (tag?.includes("-") && languageOf(tag) === languageOf(locale)) return tag;
  }
  return locale;
}

/**
 * The reader's language (docs/languages.md): the locale the platform chose for the session or the
 * customer chose in the switcher (both kept in a cookie), else Accept-Language, else the platform's
 * default. Cached per request; the platform is looked up only when the browser names nothing supported.
 */
export const requestLocale = cache(async (): Promise<RequestLocale> => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const remembered = cookieStore.get(LOCALE_COOKIE)?.value;
  const acceptLanguage = headerStore.get("accept-language");
  const locale = chosenLocale({ remembered, acceptLanguage }) ?? negotiateLocale({ platformDefault: (await visitorPlatform()).defaultLocale });
  const formatLocale = formatLocaleFor(locale, [remembered, ...acceptedLanguages(acceptLanguage)]);
  return { locale, formatLocale, dir: directionOf(locale) };
});
