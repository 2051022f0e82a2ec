import { numberFormat } from "@/lib/kernel/format/intl-cache";
// Active ISO 4217 currencies (fund and precious-metal codes left out). Minor-unit digits are 2
// except where listed below.
const CODES =
  "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF " +
  "CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD " +
  "HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD " +
  "LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK " +
  "PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS " +
  "TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG";

const ZERO_DIGITS = new Set("BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF".split(" "));
const THREE_DIGITS = new Set("BHD IQD JOD KWD LYD OMR TND".split(" "));

const DIGITS = new Map<string, number>(
  CODES.split(" ").map((code) => [code, ZERO_DIGITS.has(code) ? 0 : THREE_DIGITS.has(code) ? 3 : 2]),
);

export function isFiat(code: string): boolean {
  return DIGITS.has(code);
}

/** Minor-unit digits of a fiat currency (USD 2, JPY 0, KWD 3), or undefined for non-fiat codes. */
export function fiatDigits(code: string): number | undefined {
  return DIGITS.get(code);
}

/** English name of a currency via Intl, e.g. "US Dollar"; falls back to the code. */
export function fiatName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "currency" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function fiatSymbol(code: string): string {
  const part = numberFormat("en", { style: "currency", currency: code, currencyDisplay: "narrowSymbol" })
    .formatToParts(0)
    .find((p) => p.type === "currency");
  return part?.value ?? code;
}
