import { describe, expect, it } from "vitest";
import { formatAmount } from "./format";
import { parseLocalizedAmount, toLocalizedInput } from "./localized-input";

const read = (input: string, locale: string) => {
  const r = parseLocalizedAmount(input, locale);
  return r.ok ? r.value : r.problem;
};

describe("parseLocalizedAmount", () => {
  it("reads each language's own way of writing an amount", () => {
    expect(read("12,50", "de")).toBe("12.50");
    expect(read("1.000,50", "de")).toBe("1000.50");
    expect(read("1.000", "de")).toBe("1000");
    expect(read("1 000,50", "fr")).toBe("1000.50");
    expect(read("1\u202f000,50", "fr")).toBe("1000.50");
    expect(read("1,000.50", "en")).toBe("1000.50");
    expect(read("12.50", "en")).toBe("12.50");
    expect(read("１２．５０", "ja")).toBe("12.50");
    expect(read("１，０００", "ja")).toBe("1000");
    expect(read("١٢٫٥", "ar")).toBe("12.5");
    expect(read(" 20 ", "pt-BR")).toBe("20");
    expect(read("1'000.50", "de-CH")).toBe("1000.50");
  });

  it("refuses what the locale does not read one way only, instead of guessing", () => {
    expect(read("12.50", "de")).toBe("ambiguous");
    expect(read("12,50", "en")).toBe("ambiguous");
    expect(read("1,000", "de")).toBe("ambiguous");
    expect(read("1.2.3", "en")).toBe("ambiguous");
    expect(read("12,5,0", "de")).toBe("ambiguous");
    expect(read("10.00", "fr")).toBe("ambiguous");
  });

  it("refuses text that is not an amount", () => {
    expect(read("", "en")).toBe("empty");
    expect(read("abc", "en")).toBe("not_a_number");
    expect(read("-5", "en")).toBe("not_a_number");
    expect(read("1e5", "en")).toBe("not_a_number");
    expect(read("9".repeat(50), "en")).toBe("not_a_number");
  });

  it("writes canonical decimals back the way the customer types them", () => {
    expect(toLocalizedInput("12.5", "de")).toBe("12,5");
    expect(toLocalizedInput("25", "fr")).toBe("25");
    expect(toLocalizedInput("12.5", "ja")).toBe("12.5");
  });
});

describe("formatAmount in a right-to-left language", () => {
  it("isolates each amount left to right, and leaves other languages' amounts as they are", () => {
    const usd = { code: "USD", kind: "fiat" as const, precision: 2, symbol: "$", label: "USD", name: "US Dollar" };
    expect(formatAmount("12.5", usd, "ar")).toMatch(/^\u2066.*12\.50.*\u2069$/);
    expect(formatAmount("12.5", usd, "de")).toBe("12,50\u00a0$");
  });
});
