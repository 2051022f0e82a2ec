import { numberFormat } from "@/lib/kernel/format/intl-cache";

/**
 * Reading an amount a customer typed the way their language writes numbers: "12,50" and "1.000,50" in
 * German, "1 000,50" in French, full-width "１２．５" in Japanese, Arabic-Indic digits in Arabic.
 * The result is canonical decimal text ("1000.50") for the exact decimal type; nothing passes through
 * a float. Input that the locale's own rules do not read one way only is refused, never guessed.
 */
export type LocalizedAmount =
  | { ok: true; value: string }
  | { ok: false; problem: "empty" | "not_a_number" | "ambiguous"; decimal: string; group: string };

interface Separators {
  decimal: string;
  group: string;
}

const SPACES = /[\s\u00a0\u202f\u2009]/g;
const SPACE = /^[\s\u00a0\u202f\u2009]$/;
// Digits of other scripts (Arabic-Indic, Extended Arabic-Indic) read as 0-9; NFKC already folds full-width forms.
const OTHER_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;
const ARABIC_DECIMAL = "\u066b";
const ARABIC_GROUP = "\u066c";

export function separatorsOf(locale: string): Separators {
  const parts = numberFormat(locale, { useGrouping: true, minimumFractionDigits: 1 }).formatToParts(12345.5);
  const decimal = parts.find((p) => p.type === "decimal")?.value ?? ".";
  const group = parts.find((p) => p.type === "group")?.value ?? ",";
  return { decimal, group: SPACE.test(group) ? " " : group.replace("\u2019", "'") };
}

function asciiDigits(text: string): string {
  return text.replace(OTHER_DIGITS, (d) => String(d.charCodeAt(0) & 0xf));
}

/** "1.234.567" with the group separator: groups of three after a first group of one to three digits. */
function groupedInteger(text: string, group: string): string | null {
  if (!text.includes(group)) return /^\d+$/.test(text) ? text : null;
  const groups = text.split(group);
  if (!/^\d{1,3}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return null;
  return groups.join("");
}

export function parseLocalizedAmount(input: string, locale: string): LocalizedAmount {
  const { decimal, group } = separatorsOf(locale);
  const fail = (problem: "empty" | "not_a_number" | "ambiguous"): LocalizedAmount => ({ ok: false, problem, decimal, group });
  let text = asciiDigits(input.normalize("NFKC")).replaceAll(ARABIC_DECIMAL, decimal).replaceAll(ARABIC_GROUP, group);
  text = group === " " ? text.replace(SPACES, " ").trim() : text.replace(SPACES, "");
  text = text.replace("\u2019", "'");
  if (text === "") return fail("empty");
  if (text.length > 40 || !/^[\d.,' ]+$/.test(text)) return fail("not_a_number");
  const [whole = "", fraction, extra] = text.split(decimal);
  if (extra !== undefined) return fail("ambiguous");
  const integer = groupedInteger(whole, group);
  if (integer === null || whole === "") {
    // Another locale's decimal point ("12.50" in German) is not read as either meaning.
    return fail(/[.,']/.test(whole) ? "ambiguous" : "not_a_number");
  }
  if (fraction === undefined) return { ok: true, value: integer };
  if (!/^\d+$/.test(fraction)) return fail(/[.,' ]/.test(fraction) ? "ambiguous" : "not_a_number");
  // "1,000" is one in German and a thousand in English: three decimals after a short whole part is refused.
  if (fraction.length === 3 && whole.length <= 3 && !whole.includes(group)) return fail("ambiguous");
  return { ok: true, value: `${integer}.${fraction}` };
}

/** Canonical decimal text ("1000.5") as the customer would type it in their language ("1000,5"). */
export function toLocalizedInput(value: string, locale: string): string {
  return value.replace(".", separatorsOf(locale).decimal);
}
