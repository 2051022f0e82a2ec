import { formatAmount } from "./format";
import { fiatDigits } from "@/lib/kernel/money/fiat";

/** A fiat amount with the currency's own digits, or up to `maxDigits` for sub-cent unit prices. */
export function fiatDisplay(amount: string, currency: string, locale: string, maxDigits?: number): string {
  const digits = fiatDigits(currency) ?? 2;
  const fraction = amount.split(".")[1]?.replace(/0+$/, "").length ?? 0;
  const precision = maxDigits ? Math.min(Math.max(digits, fraction), maxDigits) : digits;
  return formatAmount(amount, { code: currency, kind: "fiat", precision, symbol: null, label: currency, name: currency }, locale);
}
