import { memoize } from "@/lib/kernel/i18n/memo";

interface Named {
  code: string;
  kind: string;
  name: string;
}

const currencyNames = memoize((locale: string) => new Intl.DisplayNames([locale, "en"], { type: "currency" }));

/**
 * An asset's name in the reader's language: a currency as the locale names it ("US-Dollar", "米ドル");
 * a platform's own unit by the name the platform gave it.
 */
export function assetName(asset: Named, locale: string): string {
  if (asset.kind !== "fiat") return asset.name;
  try {
    return currencyNames(locale).of(asset.code) ?? asset.name;
  } catch {
    return asset.name;
  }
}
