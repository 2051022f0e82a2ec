import countries from "i18n-iso-countries";

export interface CountryOption {
  code: string;
  name: string;
}

/** Every assigned ISO 3166-1 country, named in `locale` by ICU and sorted by that name. */
export function countryOptions(locale: string): CountryOption[] {
  const names = new Intl.DisplayNames([locale, "en"], { type: "region" });
  const codes = Object.keys(countries.getAlpha2Codes());
  return codes.map((code) => ({ code, name: names.of(code) ?? code })).sort((x, y) => x.name.localeCompare(y.name, locale));
}
