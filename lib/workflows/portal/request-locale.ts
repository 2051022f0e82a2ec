import { cookies, headers } from "next/headers";
import { DEFAULT_LOCALE, LOCALE_COOKIE, localeFromAcceptLanguage, validLocale } from "./locale";

/** The reader's locale: the ?locale= override (kept in a cookie by proxy.ts), else Accept-Language. */
export async function requestLocale(): Promise<string> {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  return (
    validLocale(cookieStore.get(LOCALE_COOKIE)?.value) ?? localeFromAcceptLanguage(headerStore.get("accept-language")) ?? DEFAULT_LOCALE
  );
}
