import { isRtl } from "@/lib/kernel/i18n/locales";
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
  /** The name per portal locale, for custom assets whose platform gave one. */
  names?: Record<string, string>;
}

const MAX_DIGITS = 12;

/**
 * How many decimals an amount is shown with: the asset's precision, or, for a nonzero amount that would
 * round to zero there ($0.0045 at cents), just enough for its first two significant digits, so no
 * nonzero amount ever reads as zero.
 */
export function displayDigits(amount: string, precision: number): number {
  const [whole = "", fraction = ""] = amount.replace(/^[-+]/, "").split(".");
  if (/[1-9]/.test(whole) || fraction.length <= precision) return precision;
  const firstSignificant = fraction.search(/[1-9]/);
  if (firstSignificant < 0) return precision;
  return firstSignificant >= precision ? Math.min(firstSignificant + 2, MAX_DIGITS) : precision;
}

/**
 * The one place amounts become text, by one rule on every page: the asset's precision (more only where
 * an amount would otherwise read as zero), its label or currency symbol, and with `signed` a sign on
 * every nonzero amount. The amount arrives as an exact decimal string and Intl.NumberFormat formats
 * the string itself, so no float ever touches it. `rate` is for prices per unit ($0.0025 a token),
 * which are shown exactly.
 */
export function formatAmount(
  amount: string,
  asset: AssetDisplay,
  locale: string,
  options: { signed?: boolean; compact?: boolean; rate?: boolean } = {},
): string {
  const text = amountText(amount, asset, locale, options);
  // In a right-to-left sentence an amount is isolated left to right, so "12.50 US$" is never read as "$US 12.50".
  return isRtl(locale) ? `\u2066${text}\u2069` : text;
}

function amountText(amount: string, asset: AssetDisplay, locale: string, options: { signed?: boolean; compact?: boolean; rate?: boolean }): string {
  const signDisplay = options.signed ? "exceptZero" : "auto";
  const digits = options.rate ? Math.max(asset.precision, exactDigits(amount)) : displayDigits(amount, asset.precision);
  const common = { signDisplay, notation: options.compact ? "compact" : "standard", roundingMode: "halfEven" } as const;
  if (asset.kind === "fiat") {
    return numberFormat(locale, {
      style: "currency",
      currency: asset.code,
      minimumFractionDigits: options.rate ? asset.precision : Math.min(asset.precision, digits),
      maximumFractionDigits: digits,
      ...common,
    } as Intl.NumberFormatOptions).format(amount as unknown as number);
  }
  const number = numberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: digits, ...common } as Intl.NumberFormatOptions).format(
    amount as unknown as number,
  );
  return `${number} ${asset.label ?? asset.code}`;
}

/** Decimals an exact decimal string has, without trailing zeros (at most 12). */
function exactDigits(amount: string): number {
  return Math.min(amount.split(".")[1]?.replace(/0+$/, "").length ?? 0, MAX_DIGITS);
}

/** Just the number, to the asset's precision, for tables and inputs. */
export function formatNumber(amount: string, precision: number, locale: string): string {
  return numberFormat(locale, {
    minimumFractionDigits: 0,
    maximumFractionDigits: precision,
    roundingMode: "halfEven",
  } as Intl.NumberFormatOptions).format(amount as unknown as number);
}

/** A fiat amount by the one rule of formatAmount; `rate` for a unit price, shown exactly. */
export function fiatDisplay(amount: string, currency: string, locale: string, { rate = false } = {}): string {
  return formatAmount(amount, { code: currency, kind: "fiat", precision: fiatDigits(currency) ?? 2, symbol: null, label: currency, name: currency }, locale, { rate });
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
