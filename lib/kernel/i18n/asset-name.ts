import { memoize } from "./memo";
import { supportedLocaleOf } from "./locales";

interface Named {
  code: string;
  kind: string;
  name: string;
  names?: Record<string, string>;
}

const currencyNames = memoize((locale: string) => new Intl.DisplayNames([locale, "en"], { type: "currency" }));

/**
 * An asset's name in the reader's language: the platform's name for that locale when it gave one
 * ("Guthaben"), a currency as the locale names it ("US-Dollar", "米ドル"), else the asset's own name.
 */
export function assetName(asset: Named, locale: string): string {
  const supported = supportedLocaleOf(locale);
  const own = supported ? asset.names?.[supported] : undefined;
  if (own) return own;
  if (asset.kind !== "fiat") return asset.name;
  try {
    return currencyNames(locale).of(asset.code) ?? asset.name;
  } catch {
    return asset.name;
  }
}
