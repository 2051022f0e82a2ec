/**
 * Shared Intl formatters. Constructing one costs far more than formatting with it (locale data is
 * resolved on every `new`), and a portal page formats hundreds of amounts and dates, so each
 * locale-and-options pair is built once per process. The cache is bounded because locales come from
 * requests; past the bound it starts over, which only costs the rebuilds.
 */
const MAX_ENTRIES = 1_000;
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached<T>(store: Map<string, T>, key: string, build: () => T): T {
  let value = store.get(key);
  if (value === undefined) {
    if (store.size >= MAX_ENTRIES) store.clear();
    value = build();
    store.set(key, value);
  }
  return value;
}

export function numberFormat(locale: string | string[], options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(numberFormats, `${String(locale)}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

export function dateTimeFormat(locale: string | string[], options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(dateFormats, `${String(locale)}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}
