import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "@/lib/kernel/i18n/load-messages";
import { requestLocale } from "@/lib/workflows/portal/request-locale";

// next-intl without locale prefixes: the language is negotiated per request (lib/workflows/portal/request-locale.ts).
export default getRequestConfig(async () => {
  const { locale } = await requestLocale();
  return { locale, messages: await loadMessages(locale), timeZone: "UTC" };
});
