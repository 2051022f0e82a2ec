import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { advanceClock, resetClock } from "@/lib/kernel/clock";
import { createCustomer } from "@/lib/workflows/subscriptions/create-customer";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { resetEnvCache } from "@/lib/kernel/env";
import { mintPortalLink } from "@/lib/domain/portal-sessions/create-session-link";
import { callApi, useDatabase } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { createTestPlatform, type TestPlatform } from "@/test/support/fixtures";
import { clientAddress, LOCAL_LIMITER_CAPACITY, localLimiter, UNKNOWN_CLIENT } from ".";
import { RateLimiter } from "./limiter";
import { LocalLimiter } from "./local-limiter";

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
    delete process.env.BILLFOLD_PEER_HEADER;
    delete process.env.TRUSTED_PROXIES;
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

  const peer = (address: string, extra: Record<string, string> = {}) => ({ headers: { "x-billfold-peer": address, ...extra } });
  const usePeerHeader = (trustedProxies?: string) => {
    process.env.BILLFOLD_PEER_HEADER = "1";
    if (trustedProxies) process.env.TRUSTED_PROXIES = trustedProxies;
    process.env.RATE_LIMIT_SIGNIN_PER_MINUTE = "5";
    resetEnvCache();
  };
  const genuineLink = async (platform: TestPlatform) => {
    const customer = await createCustomer(database.db, platform.scope, { name: "genuine" });
    const link = await mintPortalLink(database.db, platform.scope, { customerId: customer.id, returnUrl: "https://app.example.com/r", failureUrl: "https://app.example.com/f" });
    return new URL(link.redirectUrl).search;
  };

  it("limits links that fail to verify per connection address, whatever X-Forwarded-For says", async () => {
    usePeerHeader();
    const address = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await callApi("GET", "/api/sign-in?token=bogus", peer(address, { "x-forwarded-for": `198.18.${i}.1` }));
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5)).toEqual([303, 303, 303, 303, 303]);
    expect(statuses.slice(-3)).toEqual([429, 429, 429]);
    // Naming a victim's address in the header spent nothing of the victim's allowance.
    expect((await callApi("GET", "/api/sign-in?token=bogus", peer("198.51.100.7"))).status).toBe(303);
  });

  it("never refuses a link that verifies, after any number of forged ones from the same address or from nowhere", async () => {
    usePeerHeader();
    const platform = await createTestPlatform(database.db);
    for (const from of [peer("192.0.2.10"), { headers: {} }]) {
      for (let i = 0; i < 35; i++) await callApi("GET", "/api/sign-in?token=garbage", from);
      expect((await callApi("GET", "/api/sign-in?token=garbage", from)).status).toBe(429);
      const res = await callApi("GET", `/api/sign-in${await genuineLink(platform)}`, from);
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/");
      expect(res.headers.get("set-cookie")).toMatch(/^billfold_session=/);
    }
  });

  it("believes X-Forwarded-For only from TRUSTED_PROXIES, walking it from the right", () => {
    const headers = (peerAddress: string | null, forwarded?: string) =>
      new Headers({ ...(peerAddress ? { "x-billfold-peer": peerAddress } : {}), ...(forwarded ? { "x-forwarded-for": forwarded } : {}) });
    usePeerHeader();
    expect(clientAddress(headers("203.0.113.5", "1.2.3.4"))).toBe("203.0.113.5");
    expect(clientAddress(headers(null, "1.2.3.4"))).toBe(UNKNOWN_CLIENT);
    process.env.TRUSTED_PROXIES = "10.0.0.0/8, loopback";
    resetEnvCache();
    const cases: [string, string | undefined, string][] = [
      ["10.0.0.2", "1.2.3.4, 203.0.113.9", "203.0.113.9"],
      ["::ffff:10.0.0.2", "203.0.113.9, 10.1.1.1", "203.0.113.9"],
      ["127.0.0.1", "203.0.113.9, 10.1.1.1", "203.0.113.9"],
      ["10.0.0.2", undefined, "10.0.0.2"],
      ["10.0.0.2", "not-an-address", "10.0.0.2"],
      ["203.0.113.5", "1.2.3.4", "203.0.113.5"],
      ["::1", "2001:db8::1", "2001:db8::1"],
    ];
    for (const [from, forwarded, expected] of cases) expect(clientAddress(headers(from, forwarded)), `${from} ${forwarded}`).toBe(expected);
    delete process.env.TRUSTED_PROXIES;
    process.env.TRUSTED_PROXIES = "10.0.0.0/33";
    resetEnvCache();
    expect(() => clientAddress(headers("10.0.0.2"))).toThrow(/TRUSTED_PROXIES/);
  });

  it("answers concurrent made-up keys and a genuine one from gathered lookups, each correctly", async () => {
    usePeerHeader("loopback");
    const { testKey } = await createTestPlatform(database.db);
    const keys = Array.from({ length: 300 }, (_, i) => (i === 150 ? testKey : `key_test_${String(i).padStart(32, "z")}`));
    const statuses = await Promise.all(keys.map((key, i) => callApi("GET", "/api/v1/customers", { key, ...peer("127.0.0.1", { "x-forwarded-for": `10.9.${i >> 8}.${i & 255}` }) }).then((r) => r.status)));
    expect(statuses[150]).toBe(200);
    expect(statuses.filter((s) => s === 401)).toHaveLength(299);
  });

  it("stays bounded under a flood of bad keys from 5,000 addresses: no database row, at most its capacity in memory", async () => {
    usePeerHeader("loopback");
    const rows = async () => rowsOf<{ n: string | number }>(await database.db.execute(sql`SELECT count(*) AS n FROM rate_limits`))[0]!.n;
    const before = Number(await rows());
    for (let i = 0; i < 5_000; i++) {
      const res = await callApi("GET", "/api/v1/customers", { key: "key_test_00000000000000000000000000000000", ...peer("127.0.0.1", { "x-forwarded-for": `10.${i >> 8}.${i & 255}.1` }) });
      expect(res.status).toBe(401);
    }
    expect(Number(await rows())).toBe(before);
    const limiter = new LocalLimiter(1_000);
    for (let i = 0; i < 20_000; i++) limiter.hit(`bad-key:addr-${i}`, { max: 60, windowMs: 60_000 });
    expect(limiter.size).toBe(1_000);
    expect(localLimiter().size).toBeLessThanOrEqual(LOCAL_LIMITER_CAPACITY);
  });
});
