import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/kernel/env";
import { clearedSessionCookie, sessionCookie, sessionIdFromCookieHeader } from "@/lib/domain/portal-sessions/cookie";
import { pageSecurityHeaders } from "./security-headers";

const TEST_PORTAL_URL = process.env.PORTAL_URL;

function servedFrom(url: string): void {
  process.env.PORTAL_URL = url;
  resetEnvCache();
}

afterEach(() => servedFrom(TEST_PORTAL_URL!));

describe("a portal served over https", () => {
  it("pins the session cookie with __Host-: Secure, Path=/, no Domain, HttpOnly, SameSite=Lax", () => {
    servedFrom("https://billing.example.com");
    const cookie = sessionCookie("s".repeat(43), 28_800);
    expect(cookie).toBe(`__Host-billfold_session=${"s".repeat(43)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=28800; Secure`);
    expect(cookie).not.toMatch(/domain=/i);
    expect(clearedSessionCookie()).toMatch(/^__Host-billfold_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0; Secure$/);
  });

  it("reads only the __Host- cookie, never one a sibling subdomain could plant without the prefix", () => {
    servedFrom("https://billing.example.com");
    expect(sessionIdFromCookieHeader("billfold_session=planted")).toBeUndefined();
    expect(sessionIdFromCookieHeader("billfold_session=planted; __Host-billfold_session=real")).toBe("real");
  });

  it("sends HSTS with every portal page", () => {
    servedFrom("https://billing.example.com");
    expect(pageSecurityHeaders("'none'")).toMatchObject({
      "strict-transport-security": "max-age=31536000; includeSubDomains",
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
      "x-frame-options": "DENY",
    });
  });
});

describe("a portal served over plain http (local development)", () => {
  it("sends no HSTS and no Secure cookie, which a browser would refuse over http", () => {
    servedFrom("http://localhost:3000");
    expect(pageSecurityHeaders("'none'")).not.toHaveProperty("strict-transport-security");
    expect(sessionCookie("x", 60)).toBe("billfold_session=x; Path=/; HttpOnly; SameSite=Lax; Max-Age=60");
  });
});
