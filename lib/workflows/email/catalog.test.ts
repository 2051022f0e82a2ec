import { describe, expect, it } from "vitest";
import { EMAIL_LOCALES } from "@/lib/domain/platforms/email-settings";
import { CATALOGUE_LOCALES, catalogueOf, emailTranslator } from "./catalog";

const flat = (o: Record<string, Record<string, string>>) => Object.entries(o).flatMap(([ns, keys]) => Object.entries(keys).map(([k, v]) => [`${ns}.${k}`, v] as const));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const english = new Map(flat(catalogueOf("en")));

describe("email catalogues", () => {
  it("exist for every supported locale", () => {
    expect([...CATALOGUE_LOCALES].sort()).toEqual([...EMAIL_LOCALES].sort());
  });

  it.each(CATALOGUE_LOCALES.filter((l) => l !== "en"))("%s has every English key, with the same placeholders, translated", (locale) => {
    const entries = flat(catalogueOf(locale));
    expect(entries.map(([k]) => k).sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of entries) {
      expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(english.get(key)!));
      expect(text.trim().length, `${locale} ${key}`).toBeGreaterThan(0);
    }
    // Not a copy of English: most messages differ.
    expect(entries.filter(([k, v]) => v !== english.get(k)).length).toBeGreaterThan(entries.length * 0.9);
  });

  it("formats ICU messages in the reader's language", () => {
    expect(emailTranslator("de")("planEnding.subject", { platform: "Acme", date: "1. März 2026" })).toBe("Ihr Tarif bei Acme endet am 1. März 2026");
    expect(emailTranslator("ja")("receipt.subject", { platform: "Acme" })).toBe("Acme からの領収書");
  });
});
