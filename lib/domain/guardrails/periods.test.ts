import { describe, expect, it } from "vitest";
import { periodBounds, type BudgetPeriod } from "./periods";

describe("periodBounds", () => {
  it.each<[BudgetPeriod, string, string, string]>([
    ["day", "2026-12-07T21:30:00Z", "2026-12-07T00:00:00Z", "2026-12-08T00:00:00Z"],
    ["day", "2026-12-31T23:59:59.999Z", "2026-12-31T00:00:00Z", "2027-01-01T00:00:00Z"],
    ["week", "2026-12-07T00:00:00Z", "2026-12-07T00:00:00Z", "2026-12-14T00:00:00Z"],
    ["week", "2026-12-13T23:00:00Z", "2026-12-07T00:00:00Z", "2026-12-14T00:00:00Z"],
    ["week", "2027-01-01T12:00:00Z", "2026-12-28T00:00:00Z", "2027-01-04T00:00:00Z"],
    ["month", "2026-12-07T21:30:00Z", "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z"],
    ["month", "2028-02-29T10:00:00Z", "2028-02-01T00:00:00Z", "2028-03-01T00:00:00Z"],
  ])("%s holding %s runs from %s to %s (UTC)", (period, at, start, end) => {
    const bounds = periodBounds(period, new Date(at));
    expect(bounds.start.toISOString()).toBe(new Date(start).toISOString());
    expect(bounds.end.toISOString()).toBe(new Date(end).toISOString());
  });
});
