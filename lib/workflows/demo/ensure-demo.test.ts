import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { resetEnvCache } from "@/lib/kernel/env";
import { callApi, useDatabase } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { ensureDemo } from "./ensure-demo";

describe.each(testDatabases())("what npm start prints, on $name", (target) => {
  let database: Database;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "billfold-demo-"));
    process.env.BILLFOLD_DATA_DIR = dataDir;
    resetEnvCache();
    database = await target.open();
    useDatabase(database);
  });
  afterAll(async () => {
    await database.close();
    delete process.env.BILLFOLD_DATA_DIR;
    resetEnvCache();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const count = async (key: string, list: string) => (await callApi("GET", `/api/v1/${list}`, { key })).json.total_count;

  it("a demo platform with data and an empty one to follow a guide on, both keys working, the same on every start", async () => {
    const first = await ensureDemo(database.db);
    expect(first.sandbox.platformId).not.toBe(first.platformId);
    expect(await count(first.apiKey, "customers")).toBe(3);
    expect([await count(first.sandbox.apiKey, "customers"), await count(first.sandbox.apiKey, "assets"), await count(first.sandbox.apiKey, "products")]).toEqual([0, 0, 0]);
    expect(await ensureDemo(database.db)).toEqual(first);
    rmSync(path.join(dataDir, "demo.json"));
    const again = await ensureDemo(database.db);
    expect([again.platformId, again.sandbox.platformId, again.customers]).toEqual([first.platformId, first.sandbox.platformId, first.customers]);
    expect(again.sandbox.apiKey).not.toBe(first.sandbox.apiKey);
    expect(await count(again.sandbox.apiKey, "customers")).toBe(0);
    expect(await count(again.apiKey, "customers")).toBe(3);
  });
});
