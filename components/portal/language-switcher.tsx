"use client";

import { useLocale, useTranslations } from "next-intl";
import { SUPPORTED_LOCALES } from "@/lib/kernel/i18n/locales";

/** Each language named in itself ("Deutsch", "日本語"), so a reader finds theirs whatever the page speaks. */
function endonym(locale: string): string {
  const name = new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/**
 * The customer's choice of language. A plain GET form: `?locale=` is kept in a cookie by proxy.ts and wins
 * over the browser's languages from then on; with JavaScript, choosing submits at once.
 */
export function LanguageSwitcher() {
  const t = useTranslations("shell");
  const current = useLocale();
  return (
    <form method="get" className="flex items-center" data-testid="language-switcher">
      <label htmlFor="portal-language" className="sr-only">{t("language")}</label>
      <select
        id="portal-language"
        name="locale"
        defaultValue={current}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
        className="h-9 max-w-36 rounded-md border border-line bg-surface-raised px-2 text-sm text-fg"
      >
        {!(SUPPORTED_LOCALES as readonly string[]).includes(current) && <option value={current}>{current}</option>}
        {SUPPORTED_LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>{endonym(l)}</option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="ms-2 rounded-md border border-line px-2 py-1 text-sm">{t("languageApply")}</button>
      </noscript>
    </form>
  );
}
