import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { advanceClock, resetClock } from "@/lib/clock";
import type { Database } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { callApi, useDatabase } from "@/lib/testing/api-client";
import { testDatabases } from "@/lib/testing/databases";
import { createTestPlatform } from "@/lib/testing/fixtures";
import { RateLimiter } from "./limiter";

describe.each(testDatabases())("rate limits on $name", (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
    useDatabase(database);
  });
  afterAll(() => database.close());
  afterEach(() => {
    resetClock();
    delete process.env.RATE_LIMIT_API_PER_MINUTE;
    delete process.env.RATE_LIMIT_SIGNIN_PER_MINUTE;
    resetEnvCache();
  });

  it("holds across two instances sharing the database, and resets with the window", async () => {
    const a = new RateLimiter(async () => database.db);
    const b = new RateLimiter(async () => database.db);
    const key = `shared-${Math.random()}`;
    const limit = { max: 100, windowMs: 60_000 };
    let allowed = 0;
    for (let i = 0; i < 300; i++) if ((await (i % 2 ? a : b).check(key, limit)) === 0) allowed++;
    // Each instance may overshoot by what it counted since its last sync: a tenth of the limit.
    expect(allowed).toBeGreaterThanOrEqual(100);
    expect(allowed).toBeLessThanOrEqual(120);
    const wait = await a.check(key, limit);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    advanceClock(60_000);
    expect(await a.check(key, limit)).toBe(0);
  });

  it("answers an API key over its limit with 429 and Retry-After", async () => {
    process.env.RATE_LIMIT_API_PER_MINUTE = "20";
    resetEnvCache();
    const { testKey } = await createTestPlatform(database.db);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 40; i++) {
      const res = await callApi("GET", "/api/v1/customers", { key: testKey });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get("retry-after");
    }
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(20);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(22);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it("limits sign-in attempts per client address", async () => {
    process.env.RATE_LIMIT_SIGNIN_PER_MINUTE = "5";
    resetEnvCache();
    const address = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await callApi("GET", "/api/sign-in?token=bogus", { headers: { "x-forwarded-for": address } });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5)).toEqual([303, 303, 303, 303, 303]);
    expect(statuses.slice(-3)).toEqual([429, 429, 429]);
    const other = await callApi("GET", "/api/sign-in?token=bogus", { headers: { "x-forwarded-for": "198.51.100.7" } });
    expect(other.status).toBe(303);
  });
});
