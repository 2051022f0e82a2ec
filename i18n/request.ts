import { getRequestConfig } from "next-intl/server";
import { PSEUDO_LOCALE } from "@/lib/kernel/i18n/locales";
import { pseudoMessages, type Messages } from "@/lib/kernel/i18n/pseudo";
import { requestLocale } from "@/lib/workflows/portal/request-locale";

let pseudo: Messages | null = null;

async function load(locale: string): Promise<Messages> {
  if (locale !== PSEUDO_LOCALE) return ((await import(`../messages/${locale}.json`)) as { default: Messages }).default;
  pseudo ??= pseudoMessages(((await import("../messages/en.json")) as { default: Messages }).default);
  return pseudo;
}

// next-intl without locale prefixes: the language is negotiated per request (lib/workflows/portal/request-locale.ts).
export default getRequestConfig(async () => {
  const { locale } = await requestLocale();
  return { locale, messages: await load(locale), timeZone: "UTC" };
});
