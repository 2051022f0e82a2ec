import { describe, expect, test } from "vitest";
import { JsonNumber } from "@/lib/kernel/json";
import { ambiguities, dimensionValue, eventDimensions } from "./dimensions";

describe("dimension values", () => {
  test.each<[unknown, string | null]>([
    ["gpt-4", "gpt-4"],
    [new JsonNumber("2.50"), "2.50"],
    [3, "3"],
    [true, "true"],
    [null, null],
    [{ a: 1 }, null],
    [["x"], null],
  ])("%j → %j", (raw, expected) => {
    expect(dimensionValue(raw)).toBe(expected);
  });

  test("only billable dimensions the event carries are kept", () => {
    expect(eventDimensions({ model: "gpt-4", speed: null, other: "x" }, ["model", "speed", "tier"])).toEqual({ model: "gpt-4" });
  });
});

describe("ambiguities", () => {
  test.each<[string, Record<string, string>[], [number, string][]]>([
    ["distinct single values are fine", [{ model: "a" }, { model: "b" }, { model: "*" }], []],
    ["a repeated value", [{ model: "a" }, { model: "a" }], [[1, "Same dimensions as values[0]."]]],
    ["two wildcards (explicit and implied) repeat", [{ model: "*" }, { speed: "*" }], [[1, "Same dimensions as values[0]."]]],
    [
      "equally specific entries that overlap",
      [{ model: "a" }, { speed: "fast" }],
      [[1, 'Ambiguous with values[0]: an event with {"model":"a","speed":"fast"} matches both equally; add an entry for {"model":"a","speed":"fast"}.']],
    ],
    ["an entry covering the overlap resolves it", [{ model: "a" }, { speed: "fast" }, { model: "a", speed: "fast" }], []],
    ["conflicting exact values never overlap", [{ model: "a", speed: "fast" }, { model: "b", speed: "*" }], []],
  ])("%s", (_label, entries, problems) => {
    expect(ambiguities(entries.map((dimensions) => ({ dimensions })))).toEqual(problems);
  });
});
