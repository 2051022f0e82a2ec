import { describe, expect, test } from "vitest";
import { JsonNumber } from "@/lib/kernel/json";
import fc from "fast-check";
import { Decimal, dec } from "@/lib/kernel/money";
import { feeAmount, mulDivToLedgerScale, readVolume } from "./fee-math";
import type { Rate, UsageType } from "./types";

const rate = (r: Partial<Record<"unitPrice" | "volumeRate" | "packageSize", string>>): Rate => ({
  name: null,
  unitPrice: r.unitPrice ? dec(r.unitPrice) : null,
  volumeRate: r.volumeRate ? dec(r.volumeRate) : null,
  packageSize: r.packageSize ? dec(r.packageSize) : null,
});

describe("feeAmount", () => {
  test.each<[string, UsageType, Parameters<typeof rate>[0], string | null, string, string]>([
    ["unit $2.50 per video", "unit", { unitPrice: "2.5" }, null, "2.5", "1"],
    ["CREDIT 10 per image", "unit", { unitPrice: "10" }, null, "10", "1"],
    ["volume $0.001 × 1,500 tokens", "volume", { volumeRate: "0.001" }, "1500", "1.5", "1500"],
    ["gpt-4 $0.03 × 2,000 tokens", "volume", { volumeRate: "0.03" }, "2000", "60", "2000"],
    ["gpt-3.5 $0.001 × 2,000 tokens", "volume", { volumeRate: "0.001" }, "2000", "2", "2000"],
    ["1M tokens at $1.25 per 1M", "volume", { volumeRate: "1.25", packageSize: "1000000" }, "1000000", "1.25", "1000000"],
    ["one token at $1.25 per 1M", "volume", { volumeRate: "1.25", packageSize: "1000000" }, "1", "0.00000125", "1"],
    ["partial packages are prorated", "volume", { volumeRate: "10", packageSize: "1000000" }, "1500", "0.015", "1500"],
    ["unit_and_volume adds both", "unit_and_volume", { unitPrice: "0.5", volumeRate: "1" }, "10", "10.5", "10"],
    ["unit_and_volume with a volume rate only", "unit_and_volume", { volumeRate: "0.4" }, "100", "40", "100"],
    ["zero volume is a zero fee", "volume", { volumeRate: "0.001" }, "0", "0", "0"],
    ["sub-cent fees are kept", "volume", { volumeRate: "0.00002" }, "3", "0.00006", "3"],
    ["1/3 rounds half-even at 12 places", "volume", { volumeRate: "1", packageSize: "3" }, "1", "0.333333333333", "1"],
    ["2/3 rounds up at 12 places", "volume", { volumeRate: "2", packageSize: "3" }, "1", "0.666666666667", "1"],
    ["fractional volume × fractional rate beyond 12 places", "volume", { volumeRate: "0.000001" }, "0.0000015", "0.000000000002", "0.0000015"],
  ])("%s", (_label, usageType, r, volume, amount, quantity) => {
    const result = feeAmount(usageType, rate(r), volume === null ? null : dec(volume));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.amount.toString()).toBe(dec(amount).toString());
    expect(result.quantity.toString()).toBe(quantity);
  });

  test("a fee of 10^15 or more is an error; just below is a fee", () => {
    expect(feeAmount("volume", rate({ volumeRate: "999999999999" }), dec("999999999999999"))).toEqual({ ok: false, reason: "The fee is out of range (10^15 or more)." });
    expect(feeAmount("volume", rate({ volumeRate: "1000" }), dec("1000000000000"))).toEqual({ ok: false, reason: "The fee is out of range (10^15 or more)." });
    const below = feeAmount("volume", rate({ volumeRate: "999.999999999999" }), dec("1000000000000"));
    expect(below.ok && below.amount.toString()).toBe("999999999999999");
  });
});

describe("mulDivToLedgerScale rounds exactly half-even", () => {
  test.each([
    ["1", "1", "8", "0.125"],
    ["5", "1", "1e13", "0.000000000000"],
    ["15", "1", "1e13", "0.000000000002"],
    ["25", "1", "1e13", "0.000000000002"],
    ["25.000000000001", "1", "1e13", "0.000000000003"],
    ["-1", "1", "3", "-0.333333333333"],
    ["123456789012345678901234", "0.000000000001", "7", "17636684144.620811271605"],
  ])("%s × %s / %s = %s", (a, b, c, expected) => {
    expect(mulDivToLedgerScale(dec(a), dec(b), dec(c)).eq(dec(expected))).toBe(true);
  });
});

describe("readVolume", () => {
  test.each<[string, Record<string, unknown>, string | null, string | null]>([
    ["an exact JSON number", { tokens: new JsonNumber("1500.25") }, "1500.25", null],
    ["a JS number", { tokens: 42 }, "42", null],
    ["missing", {}, null, "data.tokens is missing."],
    ["null", { tokens: null }, null, "data.tokens is missing."],
    ["a string", { tokens: "1500" }, null, "data.tokens must be a number."],
    ["a boolean", { tokens: true }, null, "data.tokens must be a number."],
    ["an object", { tokens: { n: 1 } }, null, "data.tokens must be a number."],
    ["negative", { tokens: new JsonNumber("-1") }, null, "data.tokens must not be negative."],
    ["too precise", { tokens: new JsonNumber("0.0000000000001") }, null, "data.tokens: At most 12 decimal places are allowed."],
    ["out of range", { tokens: new JsonNumber("1e30") }, null, "data.tokens: Number is out of range: its magnitude must be below 10^15."],
    ["inherited keys are not data", Object.create({ tokens: 5 }) as Record<string, unknown>, null, "data.tokens is missing."],
  ])("%s", (_label, data, value, reason) => {
    const result = readVolume(data, "tokens");
    if (value !== null) expect(result).toEqual({ ok: true, value: dec(value) });
    else expect(result).toEqual({ ok: false, reason });
  });
});

describe("mulDivToLedgerScale agrees with 300-digit division", () => {
  const Wide = Decimal.clone({ precision: 300, rounding: Decimal.ROUND_HALF_EVEN });
  const amount = fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 12 }))
    .map(([n, places]) => dec(n).div(new Decimal(10).pow(places)));
  test("for random volumes, rates and package sizes", () => {
    fc.assert(
      fc.property(amount, amount, amount.filter((c) => !c.isZero()), (a, b, c) => {
        const wide = new Wide(a.toString()).times(b.toString()).div(c.toString()).toDecimalPlaces(12, Decimal.ROUND_HALF_EVEN);
        expect(mulDivToLedgerScale(a, b, c).toString()).toBe(dec(wide.toString()).toString());
      }),
      { numRuns: 2000 },
    );
  });
});
