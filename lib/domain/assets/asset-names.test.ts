import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { assetName } from "@/lib/kernel/i18n/asset-name";
import { callApi, useDatabase } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { createTestPlatform } from "@/test/support/fixtures";

describe("assetName", () => {
  const credits = { code: "CREDIT", kind: "custom", name: "Credits", names: { de: "Guthaben", ja: "クレジット" } };
  it("uses the platform's name for the reader's locale, else its own name; currencies as the locale names them", () => {
    expect(assetName(credits, "de-AT")).toBe("Guthaben");
    expect(assetName(credits, "ja")).toBe("クレジット");
    expect(assetName(credits, "fr")).toBe("Credits");
    expect(assetName({ code: "USD", kind: "fiat", name: "US Dollar" }, "de")).toBe("US-Dollar");
    expect(assetName({ code: "USD", kind: "fiat", name: "US Dollar" }, "en")).toBe("US Dollar");
  });
});

describe.each(testDatabases())("per-locale asset names through the API on $name", (target) => {
  let database: Database;
  let key: string;
  beforeAll(async () => {
    database = await target.open();
    useDatabase(database);
    key = (await createTestPlatform(database.db)).testKey;
  });
  afterAll(() => database.close());

  it("stores and returns the names map, and refuses unknown locales and empty names", async () => {
    const body = { code: "CREDIT", name: "Credits", precision: 0, names: { de: "Guthaben", "pt-BR": "Créditos" } };
    const created = await callApi("POST", "/api/v1/assets", { key, body });
    expect(created.status, created.text).toBe(201);
    expect(created.json.names).toEqual({ de: "Guthaben", "pt-BR": "Créditos" });
    expect((await callApi("GET", "/api/v1/assets/CREDIT", { key })).json.names).toEqual({ de: "Guthaben", "pt-BR": "Créditos" });
    expect((await callApi("GET", "/api/v1/assets/USD", { key })).json.names).toEqual({});
    for (const names of [{ xx: "Nope" }, { de: "" }, { de: "x".repeat(101) }, ["Guthaben"]]) {
      const res = await callApi("POST", "/api/v1/assets", { key, body: { ...body, code: "TOKEN", names } });
      expect(res.status, JSON.stringify(names)).toBe(422);
      expect(res.json.errors).toBeDefined();
    }
  });
});
