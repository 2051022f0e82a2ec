import { readFileSync } from "node:fs";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { createCustomer } from "@/lib/workflows/subscriptions/create-customer";
import { callApi, useDatabase } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { createTestPlatform } from "@/test/support/fixtures";
import { routeFiles } from "@/test/support/route-table";
import { rowCounts } from "@/test/support/row-counts";
import { exchangeToken } from "@/lib/domain/portal-sessions/exchange-token";
import { signingKey } from "@/lib/domain/portal-sessions/secret";

const PORTAL = "http://portal.test";

/** Every cookie-authenticated mutation: each method a route under /api/portal exports besides GET. */
function portalMutations(): { method: string; path: string }[] {
  return routeFiles()
    .filter((r) => r.pattern.startsWith("/api/portal/"))
    .flatMap((r) => {
      const source = readFileSync(r.file, "utf8");
      const path = r.pattern.replace(/\[(\.\.\.)?[^\]]+\]/g, "x");
      return ["POST", "PUT", "PATCH", "DELETE"].filter((m) => new RegExp(`export const ${m}\\b`).test(source)).map((method) => ({ method, path }));
    });
}

const ATTACKS: { label: string; headers: Record<string, string> }[] = [
  { label: "a foreign Origin", headers: { origin: "https://evil.example.com", "content-type": "application/json" } },
  { label: "Origin null", headers: { origin: "null", "content-type": "application/json" } },
  { label: "no Origin", headers: { "content-type": "application/json" } },
  { label: "Sec-Fetch-Site: cross-site", headers: { origin: PORTAL, "sec-fetch-site": "cross-site", "content-type": "application/json" } },
  { label: "a text/plain body", headers: { origin: PORTAL, "content-type": "text/plain" } },
  { label: "a form body", headers: { origin: "https://evil.example.com", "content-type": "application/x-www-form-urlencoded" } },
];

describe.each(testDatabases())("CSRF matrix on $name", (target) => {
  let database: Database;
  let cookie: string;
  let platformId: string;
  beforeAll(async () => {
    database = await target.open();
    useDatabase(database);
    const platform = await createTestPlatform(database.db);
    platformId = platform.id;
    const customer = await createCustomer(database.db, platform.scope, { name: "victim" });
    const token = await new SignJWT({
      purpose: "portal-session-redirect",
      platform_id: platform.id,
      customer_id: customer.id,
      live_mode: "false",
      return_url: "https://app.example.com/r",
      failure_url: "https://app.example.com/f",
    })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("Billfold.Api")
      .setAudience("CustomerPortal")
      .setExpirationTime("10m")
      .setJti(`csrf-${Math.random()}-000000000000`)
      .sign(await signingKey(database.db));
    const result = await exchangeToken(database.db, token);
    if (result.kind !== "session") throw new Error("no session");
    cookie = `billfold_session=${result.sessionId}`;
  });
  afterAll(() => database.close());

  const mutations = portalMutations();

  it("finds the portal's mutations", () => {
    expect(mutations.length).toBeGreaterThan(0);
  });

  it.each(mutations.flatMap((m) => ATTACKS.map((a) => [`${m.method} ${m.path} with ${a.label}`, m, a] as const)))(
    "%s → 403 and nothing changed",
    async (_label, m, attack) => {
      const before = await rowCounts(database.db, [platformId]);
      const res = await callApi(m.method, m.path, { headers: { cookie, ...attack.headers }, raw: "{}" });
      expect(res.status).toBe(403);
      expect(await rowCounts(database.db, [platformId])).toEqual(before);
    },
  );

  it.each(mutations.map((m) => [`${m.method} ${m.path}`, m] as const))("%s from the portal itself gets past the check", async (_label, m) => {
    const res = await callApi(m.method, m.path, { headers: { cookie, origin: PORTAL, "sec-fetch-site": "same-origin", "content-type": "application/json" }, raw: "{}" });
    expect(res.status).not.toBe(403);
  });
});
