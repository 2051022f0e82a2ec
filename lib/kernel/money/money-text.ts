import { formatAmount, type AssetDisplay } from "@/lib/kernel/money/format";
import { fiatName, fiatSymbol } from "@/lib/kernel/money/fiat";
import { dec, type Decimal } from "@/lib/kernel/money";
import { minorDigits } from "./limits";

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
