import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { callApi, useDatabase } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { createTestPlatform } from "@/test/support/fixtures";
import { contrastRatio, ensureContrast } from "./contrast";

describe("contrast", () => {
  it.each([
    ["#ffffff", "#000000", 21],
    ["#777777", "#ffffff", 4.48],
    ["#4f46e5", "#ffffff", 6.29],
  ])("%s on %s is %f:1", (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 1);
  });

  it.each(["#ffff00", "#a5f3fc", "#777777", "#22c55e"])("%s is darkened until it reads on white", (color) => {
    const adjusted = ensureContrast(color, "#ffffff");
    expect(contrastRatio(adjusted, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });

  it("leaves a colour that already passes alone", () => {
    expect(ensureContrast("#1e3a8a", "#ffffff")).toBe("#1e3a8a");
  });
});

describe.each(testDatabases())("branding API on $name", (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
    useDatabase(database);
  });
  afterAll(() => database.close());

  it("sets colours and URLs and says which colours were adjusted for text contrast", async () => {
    const { testKey: key } = await createTestPlatform(database.db);
    const res = await callApi("PUT", "/api/v1/platform/branding", {
      key,
      body: { name: "Sunny", primary_color: "#FACC15", accent_color: "#1E3A8A", logo_url: "https://cdn.example.com/logo.svg", home_url: "https://sunny.example.com" },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ name: "Sunny", primary_color: "#FACC15", logo_url: "https://cdn.example.com/logo.svg" });
    const light = res.json.contrast_adjustments.find((a: { field: string; theme: string }) => a.field === "primary_color" && a.theme === "light");
    expect(light.given).toBe("#FACC15");
    expect(light.ratio).toBeGreaterThanOrEqual(4.5);
    const again = await callApi("GET", "/api/v1/platform/branding", { key });
    expect(again.json.home_url).toBe("https://sunny.example.com");
    expect(again.json.primary_color).toBe("#FACC15");
  });

  it.each([
    [{ logo_url: "http://insecure.example.com/logo.png" }, "logo_url"],
    [{ primary_color: "purple" }, "primary_color"],
    [{ accent_color: "#12345" }, "accent_color"],
    [{ theme: "neon" }, "theme"],
    [{ allowed_redirect_origins: ["https://ok.example.com/path"] }, "allowed_redirect_origins[0]"],
    [{ support_url: "javascript:alert(1)" }, "support_url"],
  ])("refuses %j", async (body, field) => {
    const { testKey: key } = await createTestPlatform(database.db);
    const res = await callApi("PUT", "/api/v1/platform/branding", { key, body });
    expect(res.status).toBe(422);
    expect(res.json.errors[field]).toBeDefined();
  });

  it("enforces allowed redirect origins on portal links", async () => {
    const { testKey: key } = await createTestPlatform(database.db);
    await callApi("PUT", "/api/v1/platform/branding", { key, body: { allowed_redirect_origins: ["https://good.example.com"] } });
    const customer = await callApi("POST", "/api/v1/customers", { key, body: { name: "x" } });
    const ok = await callApi("POST", "/api/v1/billing-portal/sessions", {
      key,
      body: { customer_id: customer.json.id, return_url: "https://good.example.com/a", failure_url: "https://GOOD.example.com/f" },
    });
    expect(ok.status).toBe(201);
    const bad = await callApi("POST", "/api/v1/billing-portal/sessions", {
      key,
      body: { customer_id: customer.json.id, return_url: "https://good.example.com.evil.com/a", failure_url: "https://good.example.com/f" },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.errors.return_url).toBeDefined();
  });
});
