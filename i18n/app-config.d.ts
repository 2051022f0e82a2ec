import type en from "../messages/en.json";
import type { SupportedLocale, PSEUDO_LOCALE } from "@/lib/kernel/i18n/locales";

// Message keys and their ICU arguments are typed from the English catalogue: a key the code uses
// that en.json lacks fails the type check.
declare module "next-intl" {
  interface AppConfig {
    Locale: SupportedLocale | typeof PSEUDO_LOCALE;
    Messages: typeof en;
  }
}
