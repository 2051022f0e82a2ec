import { formatAmount, type AssetDisplay } from "@/lib/kernel/money/format";

/** "1 CR = $0.05" or "$1.00 = 20 CR", whichever way the rate was given, so it stays exact. */
export function rateText(rate: { price: string | null; perCurrency: string | null }, asset: AssetDisplay, currency: AssetDisplay, locale: string): string {
  if (rate.price !== null) return `${formatAmount("1", asset, locale)} = ${formatAmount(rate.price, currency, locale, { rate: true })}`;
  return `${formatAmount("1", currency, locale)} = ${formatAmount(rate.perCurrency ?? "0", { ...asset, precision: 12 }, locale)}`;
}
