import { numberFormat } from "@/lib/kernel/format/intl-cache";
import { dec, type Decimal } from "./index";
import { fiatDigits, fiatName, fiatSymbol } from "./fiat";
import { minorDigits } from "./limits";

/** What the formatter needs to know about an asset. */
export interface AssetDisplay {
  code: string;
  kind: "fiat" | "custom";
  precision: number;
  symbol: string | null;
  label: string | null;
  name: string;
}

/**
 * The one place amounts become text. The amount arrives as an exact decimal string and
 * Intl.NumberFormat formats the string itself, so no float ever touches it. Custom assets show
 * their label (e.g. "1,250 CR") and fiat uses the currency's own symbol and digits.
 */
export function formatAmount(
  amount: string,
  asset: AssetDisplay,
  locale: string,
  options: { signed?: boolean; compact?: boolean; rate?: boolean } = {},
): string {
  const signDisplay = options.signed ? "exceptZero" : "auto";
  if (asset.kind === "fiat") {
    return numberFormat(locale, {
      style: "currency",
      currency: asset.code,
      minimumFractionDigits: asset.precision,
      // An exchange rate can be finer than the currency's cents ($0.0025 a token); show it exactly.
      maximumFractionDigits: options.rate ? 12 : asset.precision,
      signDisplay,
      notation: options.compact ? "compact" : "standard",
      roundingMode: "halfEven",
    } as Intl.NumberFormatOptions).format(amount as unknown as number);
  }
  const number = numberFormat(locale, {
    minimumFractionDigits: 0,
    maximumFractionDigits: asset.precision,
    signDisplay,
    notation: options.compact ? "compact" : "standard",
    roundingMode: "halfEven",
  } as Intl.NumberFormatOptions).format(amount as unknown as number);
  return `${number} ${asset.label ?? asset.code}`;
}

/** Just the number, to the asset's precision, for tables and inputs. */
export function formatNumber(amount: string, precision: number, locale: string): string {
  return numberFormat(locale, {
    minimumFractionDigits: 0,
    maximumFractionDigits: precision,
    roundingMode: "halfEven",
  } as Intl.NumberFormatOptions).format(amount as unknown as number);
}

/**
 * Like formatAmount, but shows sub-unit amounts (a $0.0125 fee) with as many decimals as they have,
 * up to `maxDigits`, instead of rounding them away.
 */
export function formatPrecise(amount: string, asset: AssetDisplay, locale: string, maxDigits = 6): string {
  const decimals = amount.split(".")[1]?.replace(/0+$/, "").length ?? 0;
  return formatAmount(amount, { ...asset, precision: Math.min(Math.max(asset.precision, decimals), maxDigits) }, locale);
}

/** A fiat amount with the currency's own digits, or up to `maxDigits` for sub-cent unit prices. */
export function fiatDisplay(amount: string, currency: string, locale: string, maxDigits?: number): string {
  const digits = fiatDigits(currency) ?? 2;
  const fraction = amount.split(".")[1]?.replace(/0+$/, "").length ?? 0;
  const precision = maxDigits ? Math.min(Math.max(digits, fraction), maxDigits) : digits;
  return formatAmount(amount, { code: currency, kind: "fiat", precision, symbol: null, label: currency, name: currency }, locale);
}

export function currencyDisplay(code: string): AssetDisplay {
  return { code, kind: "fiat", precision: minorDigits(code), symbol: fiatSymbol(code), label: code, name: fiatName(code) };
}

/** A fiat amount in words for messages stored or sent by the server (the portal formats in the reader's locale). */
export function moneyText(amount: Decimal, currency: string): string {
  return formatAmount(amount.toString(), currencyDisplay(currency), "en-US");
}

/** A stored NUMERIC ("25.000000000000") as the shortest exact decimal text ("25") for the portal. */
export function plainDecimal<T extends string | null>(value: T): T {
  return (value === null ? null : dec(value).toString()) as T;
}
