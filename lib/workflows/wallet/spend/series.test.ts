import { describe, expect, it } from "vitest";
import { buildSeries } from "./series";

describe("buildSeries", () => {
  it("fills empty days, totals exactly and orders products by spend", () => {
    const series = buildSeries(
      [
        { bucket: "2026-11-01", productId: "p1", productName: "Chat", amount: "0.1" },
        { bucket: "2026-11-01", productId: "p2", productName: "Images", amount: "0.2" },
        { bucket: "2026-11-03", productId: "p2", productName: "Images", amount: "1.000000000001" },
      ],
      "2026-10-31",
      "2026-11-03",
      "day",
    );
    expect(series.points.map((p) => [p.bucket, p.total])).toEqual([
      ["2026-10-31", "0"],
      ["2026-11-01", "0.3"],
      ["2026-11-02", "0"],
      ["2026-11-03", "1.000000000001"],
    ]);
    expect(series.total).toBe("1.300000000001");
    expect(series.products).toEqual([
      { id: "p2", name: "Images" },
      { id: "p1", name: "Chat" },
    ]);
  });

  it("steps by week and by month", () => {
    expect(buildSeries([], "2026-11-02", "2026-11-23", "week").points.map((p) => p.bucket)).toEqual(["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"]);
    expect(buildSeries([], "2026-01-01", "2026-04-01", "month").points.map((p) => p.bucket)).toEqual(["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"]);
  });
});
