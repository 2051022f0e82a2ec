import { EMAIL_LOCALES } from "@/lib/domain/platforms/email-settings";

export type EmailLocale = (typeof EMAIL_LOCALES)[number];

// Languages whose catalogue is one regional variant: any Portuguese reads pt-BR, any Chinese zh-CN.
const BY_LANGUAGE: Record<string, EmailLocale> = { pt: "pt-BR", zh: "zh-CN" };

/** The catalogue for a language tag ("de-DE" → de, "pt-PT" → pt-BR), or null when there is none. */
export function emailLocaleOf(tag: string | null | undefined): EmailLocale | null {
  if (!tag) return null;
  const exact = EMAIL_LOCALES.find((l) => l.toLowerCase() === tag.toLowerCase());
  if (exact) return exact;
  const language = tag.split("-")[0]!.toLowerCase();
  return BY_LANGUAGE[language] ?? EMAIL_LOCALES.find((l) => l === language) ?? null;
}

/** The first of the customer's choice, their billing locale and the platform default that has a catalogue; else English. */
export function pickEmailLocale(...candidates: (string | null | undefined)[]): EmailLocale {
  for (const c of candidates) {
    const locale = emailLocaleOf(c);
    if (locale) return locale;
  }
  return "en";
}
