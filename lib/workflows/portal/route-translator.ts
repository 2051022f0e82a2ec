import { createTranslator } from "use-intl/core";
import type en from "@/messages/en.json";
import type { DbOrTx } from "@/lib/kernel/db";
import { loadMessages } from "@/lib/kernel/i18n/load-messages";
import { chosenLocale, LOCALE_COOKIE, negotiateLocale } from "@/lib/kernel/i18n/locales";
import type { PlatformScope } from "@/lib/kernel/scope";
import { getPlatformSettings } from "@/lib/domain/platforms/settings";
import { cookieValue } from "./locale";

/**
 * The portal's messages for an /api/portal route, in the reader's language chosen as pages choose it
 * (remembered choice, then Accept-Language, then the platform's default). Routes answer files such as
 * CSV exports outside React, where next-intl's request-bound helpers do not reach.
 */
export async function routeTranslator(db: DbOrTx, scope: PlatformScope, req: Request) {
  const chosen = chosenLocale({ remembered: cookieValue(req.headers.get("cookie"), LOCALE_COOKIE), acceptLanguage: req.headers.get("accept-language") });
  const locale = chosen ?? negotiateLocale({ platformDefault: (await getPlatformSettings(db, scope)).defaultLocale });
  // Every catalogue has English's keys and arguments (lib/kernel/i18n/catalogues.test.ts), so English's type holds.
  return createTranslator({ locale, messages: (await loadMessages(locale)) as typeof en });
}
