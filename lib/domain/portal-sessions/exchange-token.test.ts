import { createHmac } from "node:crypto";
import { SignJWT, type JWTPayload } from "jose";
import { count, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { advanceClock, resetClock } from "@/lib/kernel/clock";
import type { Database } from "@/lib/kernel/db";
import { portalSessions } from "@/lib/kernel/db/schema";
import { createCustomer } from "@/lib/workflows/subscriptions/create-customer";
import { testDatabases } from "@/test/support/databases";
import { createTestPlatform } from "@/test/support/fixtures";
import { createPortalLink } from "./create-session-link";
import { exchangeToken } from "./exchange-token";
import { verifiedLinkErrorPlatform } from "./link-error";
import { signingKey } from "./secret";
import { verifiedLastPlatform } from "./last-platform";
import { readSession } from "./sessions";
import { signIn } from "./sign-in";

const FAIL = "https://app.example.com/failure";
const RETURN = "https://app.example.com/account";

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

describe.each(testDatabases())("portal sign-in on $name", (target) => {
  let database: Database;
  let key: Uint8Array;
  let claims: (over?: Partial<JWTPayload>) => JWTPayload;
  let platformId: string;
  let otherCustomerId: string;

  beforeAll(async () => {
    database = await target.open();
    key = await signingKey(database.db);
    const a = await createTestPlatform(database.db);
    const b = await createTestPlatform(database.db);
    const customer = await createCustomer(database.db, a.scope, { name: "A" });
    otherCustomerId = (await createCustomer(database.db, b.scope, { name: "B" })).id;
    platformId = a.id;
    claims = (over = {}) => ({
      purpose: "portal-session-redirect",
      issued: new Date().toISOString(),
      platform_id: a.id,
      customer_id: customer.id,
      live_mode: "false",
      return_url: RETURN,
      failure_url: FAIL,
      ...over,
    });
  });
  afterAll(() => database.close());
  afterEach(() => resetClock());

  const sign = (payload: JWTPayload, options: { alg?: string; secret?: Uint8Array; jti?: string | null; exp?: number } = {}) => {
    const jwt = new SignJWT(payload)
      .setProtectedHeader({ alg: options.alg ?? "HS256", typ: "JWT" })
      .setIssuer((payload.iss as string) ?? "Billfold.Api")
      .setAudience((payload.aud as string) ?? "CustomerPortal")
      .setExpirationTime(options.exp ?? Math.floor(Date.now() / 1000) + 600);
    if (options.jti !== null) jwt.setJti(options.jti ?? `jti-${Math.random().toString(36).slice(2)}-0000000000`);
    return jwt.sign(options.secret ?? key);
  };

  it("a minted link exchanges once; the replay goes to failure_url", async () => {
    const [customer] = [await createCustomer(database.db, { platformId, liveMode: false }, { name: "once" })];
    const link = await createPortalLink(database.db, { platformId, liveMode: false }, { customer_id: customer!.id, return_url: RETURN, failure_url: FAIL });
    const token = new URL(link.redirectUrl).searchParams.get("token")!;
    expect((await exchangeToken(database.db, token)).kind).toBe("session");
    expect(await exchangeToken(database.db, token)).toEqual({ kind: "failure_redirect", url: FAIL, reason: "used" });
  });

  it("20 concurrent exchanges of one token create exactly one session", async () => {
    const customer = await createCustomer(database.db, { platformId, liveMode: false }, { name: "race" });
    const token = await sign(claims({ customer_id: customer.id }));
    const results = await Promise.all(Array.from({ length: 20 }, () => exchangeToken(database.db, token)));
    expect(results.filter((r) => r.kind === "session")).toHaveLength(1);
    expect(results.filter((r) => r.kind === "failure_redirect")).toHaveLength(19);
    const [sessions] = await database.db.select({ n: count() }).from(portalSessions).where(eq(portalSessions.customerId, customer.id));
    expect(sessions!.n).toBe(1);
  });

  it("an expired but authentic token goes to its failure_url", async () => {
    const token = await sign(claims(), { exp: Math.floor(Date.now() / 1000) - 5 });
    expect(await exchangeToken(database.db, token)).toEqual({ kind: "failure_redirect", url: FAIL, reason: "expired" });
  });

  it.each([
    ["alg none", async () => `${base64url({ alg: "none", typ: "JWT" })}.${base64url({ ...claims(), iss: "Billfold.Api", aud: "CustomerPortal", exp: 9_999_999_999, jti: "none-000000000000000" })}.`],
    ["HS256 with a wrong key", () => sign(claims(), { secret: new TextEncoder().encode("another-secret-0123456789abcdef0123") })],
    ["HS512 with the right key", () => sign(claims(), { alg: "HS512" })],
    ["wrong issuer", () => sign(claims({ iss: "Evil.Api" }))],
    ["wrong audience", () => sign(claims({ aud: "SomethingElse" }))],
    ["wrong purpose", () => sign(claims({ purpose: "password-reset" }))],
    ["future nbf", () => sign(claims({ nbf: Math.floor(Date.now() / 1000) + 3600 }))],
    ["missing jti", () => sign(claims(), { jti: null })],
    ["platform A naming platform B's customer", () => sign(claims({ customer_id: otherCustomerId }))],
    ["a javascript: failure_url", () => sign(claims({ failure_url: "javascript:alert(1)" }))],
    ["garbage", async () => "not.a.token"],
    ["empty", async () => ""],
  ])("%s is refused with no session", async (_label, make) => {
    const token = await make();
    const result = await exchangeToken(database.db, token);
    expect(result.kind).toBe("invalid");
  });

  it("a signature forged with the HMAC of another payload is refused", async () => {
    const good = await sign(claims());
    const [h, , s] = good.split(".");
    const forgedPayload = base64url({ ...claims({ customer_id: otherCustomerId }), iss: "Billfold.Api", aud: "CustomerPortal", exp: 9_999_999_999, jti: "forged-000000000000" });
    expect((await exchangeToken(database.db, `${h}.${forgedPayload}.${s}`)).kind).toBe("invalid");
    const wrongMac = createHmac("sha256", "x").update(`${h}.${forgedPayload}`).digest("base64url");
    expect((await exchangeToken(database.db, `${h}.${forgedPayload}.${wrongMac}`)).kind).toBe("invalid");
  });

  it("sessions end after 30 minutes idle and 8 hours in all, on the server", async () => {
    const customer = await createCustomer(database.db, { platformId, liveMode: false }, { name: "idle" });
    const first = await exchangeToken(database.db, await sign(claims({ customer_id: customer.id })));
    if (first.kind !== "session") throw new Error("no session");
    advanceClock(29 * 60_000);
    expect((await readSession(database.db, first.sessionId)).kind).toBe("active");
    advanceClock(31 * 60_000);
    expect(await readSession(database.db, first.sessionId)).toEqual({ kind: "expired", failureUrl: FAIL });

    resetClock();
    const second = await exchangeToken(database.db, await sign(claims({ customer_id: customer.id })));
    if (second.kind !== "session") throw new Error("no session");
    for (let minutes = 0; minutes < 8 * 60 - 20; minutes += 20) {
      advanceClock(20 * 60_000);
      expect((await readSession(database.db, second.sessionId)).kind).toBe("active");
    }
    advanceClock(25 * 60_000);
    expect((await readSession(database.db, second.sessionId)).kind).toBe("expired");
  });

  it("sets an HttpOnly SameSite=Lax cookie, replaces a planted one, and ends the old session", async () => {
    const customer = await createCustomer(database.db, { platformId, liveMode: false }, { name: "cookie" });
    const first = await signIn(database.db, new Request(`http://portal.test/api/sign-in?token=${await sign(claims({ customer_id: customer.id }))}`));
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/");
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(first.headers.get("referrer-policy")).toBe("no-referrer");
    const [cookie, platformCookie] = first.headers.getSetCookie();
    expect(cookie).toMatch(/^billfold_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    // Which platform's billing this browser opened, signed, for the signed-out and not-found pages.
    expect(platformCookie).toMatch(new RegExp(`^billfold_platform=${platformId}\\.[\\w-]{43}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000$`));
    expect(await verifiedLastPlatform(database.db, /billfold_platform=([^;]+)/.exec(platformCookie!)![1])).toBe(platformId);
    expect(await verifiedLastPlatform(database.db, `${platformId}.forged`)).toBeNull();
    const oldId = /billfold_session=([\w-]+)/.exec(cookie!)![1]!;
    const second = await signIn(
      database.db,
      new Request(`http://portal.test/api/sign-in?token=${await sign(claims({ customer_id: customer.id }))}`, { headers: { cookie: `billfold_session=${oldId}` } }),
    );
    const newId = /billfold_session=([\w-]+)/.exec(second.headers.getSetCookie()[0]!)![1]!;
    expect(newId).not.toBe(oldId);
    expect((await readSession(database.db, oldId)).kind).toBe("expired");
    expect((await readSession(database.db, newId)).kind).toBe("active");
  });

  it("a refused token that we signed sets no cookie and names its platform on the error page, signed", async () => {
    const res = await signIn(database.db, new Request(`http://portal.test/api/sign-in?token=${await sign(claims({ aud: "x" }))}`));
    expect(res.status).toBe(303);
    expect(res.headers.get("set-cookie")).toBeNull();
    const location = new URL(res.headers.get("location")!, "http://portal.test");
    expect(location.pathname).toBe("/link-error");
    expect(location.searchParams.get("platform")).toBe(platformId);
    const params = Object.fromEntries(location.searchParams);
    expect(await verifiedLinkErrorPlatform(database.db, params)).toBe(platformId);
    // Any edit of the address, or time, takes the platform away: the page is then neutral.
    const other = (await createTestPlatform(database.db)).id;
    for (const edited of [{ ...params, platform: other }, { ...params, sig: undefined }, { ...params, expires: String(Number(params.expires) + 1) }, { platform: platformId }]) {
      expect(await verifiedLinkErrorPlatform(database.db, edited)).toBeNull();
    }
    advanceClock(11 * 60_000);
    expect(await verifiedLinkErrorPlatform(database.db, params)).toBeNull();
  });

  it("a forged token naming a platform leads to the neutral error page", async () => {
    for (const token of [await sign(claims(), { secret: new TextEncoder().encode("another-secret-0123456789abcdef0123") }), `${base64url({ alg: "none" })}.${base64url(claims())}.`]) {
      const res = await signIn(database.db, new Request(`http://portal.test/api/sign-in?token=${token}`));
      expect(res.headers.get("location")).toBe("/link-error?reason=invalid");
    }
  });
});
