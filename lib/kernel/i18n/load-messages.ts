import { PSEUDO_LOCALE, type PortalLocale } from "./locales";
import { pseudoMessages, type Messages } from "./pseudo";

let pseudo: Messages | null = null;

/** The portal catalogue of a locale (messages/<locale>.json), or the pseudo-locale's transformed English. */
export async function loadMessages(locale: PortalLocale): Promise<Messages> {
  if (locale !== PSEUDO_LOCALE) return ((await import(`../../../messages/${locale}.json`)) as { default: Messages }).default;
  pseudo ??= pseudoMessages(((await import("../../../messages/en.json")) as { default: Messages }).default);
  return pseudo;
}
