import { describe, expect, it } from "vitest";
import { acceptedLanguages, isRtl, negotiateLocale, supportedLocaleOf } from "./locales";

describe("negotiateLocale", () => {
  it("takes the session's choice, then the remembered one, then Accept-Language, then the platform default", () => {
    const all = { explicit: "fr", remembered: "de", acceptLanguage: "ja", platformDefault: "es" };
    expect(negotiateLocale(all)).toBe("fr");
    expect(negotiateLocale({ ...all, explicit: "auto" })).toBe("de");
    expect(negotiateLocale({ ...all, explicit: null, remembered: null })).toBe("ja");
    expect(negotiateLocale({ platformDefault: "es", acceptLanguage: "sv, fi;q=0.8" })).toBe("es");
    expect(negotiateLocale({})).toBe("en");
  });

  it("honours q-values and maps regional tags to the language the portal speaks", () => {
    expect(acceptedLanguages("en;q=0.5, de-AT;q=0.9, *;q=1, fr;q=0")).toEqual(["de-AT", "en"]);
    expect(negotiateLocale({ acceptLanguage: "en;q=0.5, de-AT;q=0.9" })).toBe("de");
    expect(supportedLocaleOf("pt")).toBe("pt-BR");
    expect(supportedLocaleOf("zh-Hans-CN")).toBe("zh-CN");
    expect(supportedLocaleOf("sv")).toBeNull();
    expect(supportedLocaleOf("not a tag")).toBeNull();
    expect(supportedLocaleOf("x".repeat(100))).toBeNull();
  });

  it("knows which languages run right to left", () => {
    expect(isRtl("ar")).toBe(true);
    expect(isRtl("ar-EG")).toBe(true);
    expect(isRtl("de")).toBe(false);
  });
});
