import { formatAmount } from "./format";
import { fiatDigits } from "@/lib/assets/fiat";

/** A fiat amount by the one rule of formatAmount; `rate` for a unit price, shown exactly. */
export function fiatDisplay(amount: string, currency: string, locale: string, { rate = false } = {}): string {
  return formatAmount(amount, { code: currency, kind: "fiat", precision: fiatDigits(currency) ?? 2, symbol: null, label: currency, name: currency }, locale, { rate });
}
