import { match } from "@formatjs/intl-localematcher";

/**
 * The languages the portal (and every mail it sends) is written in. Shared by the portal's message
 * loading and the mailer, so both speak the same set and negotiate the same way.
 */
export const SUPPORTED_LOCALES = ["en", "de", "fr", "es", "it", "pt-BR", "nl", "pl", "ja", "ko", "zh-CN", "ar"] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

export const DEFAULT_LOCALE: SupportedLocale = "en";

/** Every message accented and lengthened, to spot text that skips the catalogues. Test and dev builds only. */
export const PSEUDO_LOCALE = "en-XA";
/** A locale the portal can render: a supported one, or the pseudo-locale where enabled. */
export type PortalLocale = SupportedLocale | typeof PSEUDO_LOCALE;

/** What `locale` accepts on session and link requests: a supported locale, or `auto` to negotiate. */
export const LOCALE_CHOICES = ["auto", ...SUPPORTED_LOCALES] as const;

const RTL_LANGUAGES = new Set(["ar", "fa", "he", "ur", "ps", "yi"]);

export function isRtl(locale: string): boolean {
  return RTL_LANGUAGES.has(locale.split("-")[0]!.toLowerCase());
}

export function directionOf(locale: string): "rtl" | "ltr" {
  return isRtl(locale) ? "rtl" : "ltr";
}

/** Whether the pseudo-locale may be used: outside production builds, or when BILLFOLD_PSEUDO_LOCALE=1. */
export function pseudoLocaleEnabled(): boolean {
  return process.env.NODE_ENV !== "production" || process.env.BILLFOLD_PSEUDO_LOCALE === "1";
}

/** The supported locale a language tag asks for ("de-AT" → "de", "pt" → "pt-BR", "zh-Hans" → "zh-CN"), or null. */
export function supportedLocaleOf(tag: string | null | undefined): SupportedLocale | null {
  if (!tag || tag.length > 35) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (!canonical) return null;
    if (canonical === PSEUDO_LOCALE) return null;
    const found = match([canonical], SUPPORTED_LOCALES, "und", { algorithm: "best fit" });
    return found === "und" ? null : (found as SupportedLocale);
  } catch {
    return null;
  }
}

/** Language tags of an Accept-Language header, best first (q-values honoured, `*` and q=0 dropped). */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .slice(0, 1000)
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { tag: tag?.trim() ?? "", q: q ? Number(q) : 1, i };
    })
    .filter((x) => x.tag && x.tag !== "*" && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((x) => x.tag);
}

export interface LocaleSources {
  /** Chosen by the platform for this session or link (`auto` or absent: no choice). */
  explicit?: string | null;
  /** The customer's own choice, remembered from the language switcher. */
  remembered?: string | null;
  acceptLanguage?: string | null;
  /** The platform's default from its settings. */
  platformDefault?: string | null;
}

/** The locale the session, the customer or the browser asks for, or null when none names a supported one. */
export function chosenLocale(sources: Omit<LocaleSources, "platformDefault">): SupportedLocale | typeof PSEUDO_LOCALE | null {
  for (const choice of [sources.explicit, sources.remembered]) {
    if (choice === PSEUDO_LOCALE && pseudoLocaleEnabled()) return PSEUDO_LOCALE;
    const locale = choice === "auto" ? null : supportedLocaleOf(choice);
    if (locale) return locale;
  }
  for (const tag of acceptedLanguages(sources.acceptLanguage)) {
    const locale = supportedLocaleOf(tag);
    if (locale) return locale;
  }
  return null;
}

/**
 * The locale to speak: the platform's explicit choice, else the customer's remembered one, else the
 * browser's first supported language, else the platform's default, else English.
 * The pseudo-locale is honoured, where enabled, only as an explicit or remembered choice.
 */
export function negotiateLocale(sources: LocaleSources): SupportedLocale | typeof PSEUDO_LOCALE {
  return chosenLocale(sources) ?? supportedLocaleOf(sources.platformDefault) ?? DEFAULT_LOCALE;
}

/** The customer's remembered language (set by the switcher, or by a session minted with a `locale`). */
export const LOCALE_COOKIE = "billfold_locale";
