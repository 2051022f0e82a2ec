import { describe, expect, it } from "vitest";
import { dateTimeFormat, numberFormat } from "./intl-cache";

describe("shared Intl formatters", () => {
  it("builds one formatter per locale and options, and formats like a fresh one", () => {
    const options = { style: "currency", currency: "EUR" } as const;
    expect(numberFormat("de-DE", options)).toBe(numberFormat("de-DE", { ...options }));
    expect(numberFormat("de-DE", options)).not.toBe(numberFormat("en-US", options));
    expect(numberFormat("de-DE", options).format(1234.5)).toBe(new Intl.NumberFormat("de-DE", options).format(1234.5));
    const date = dateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "Asia/Tokyo" });
    expect(date).toBe(dateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "Asia/Tokyo" }));
    expect(date.format(new Date("2026-11-21T20:00:00Z"))).toBe("22 Nov 2026");
  });

  it("still refuses what Intl refuses, and caches nothing for it", () => {
    expect(() => dateTimeFormat("en", { timeZone: "Mars/Olympus" })).toThrow(RangeError);
    expect(() => dateTimeFormat("en", { timeZone: "Mars/Olympus" })).toThrow(RangeError);
  });
});
