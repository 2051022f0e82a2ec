import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { callApi, useDatabase } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { createTestPlatform } from "@/test/support/fixtures";
import { signIn } from "./sign-in";

const URLS = { return_url: "https://example.com/a", failure_url: "https://example.com/b" };

describe.each(testDatabases())("the portal session's locale on $name", (target) => {
  let database: Database;
  let key: string;
  let customerId: string;

  beforeAll(async () => {
    database = await target.open();
    useDatabase(database);
    key = (await createTestPlatform(database.db)).testKey;
    customerId = (await callApi("POST", "/api/v1/customers", { key, body: { name: "Camille" } })).json.id;
  });
  afterAll(() => database.close());

  async function signInWith(body: Record<string, unknown>): Promise<string[]> {
    const minted = await callApi("POST", "/api/v1/billing-portal/sessions", { key, body: { customer_id: customerId, ...URLS, ...body } });
    expect(minted.status, minted.text).toBe(201);
    const res = await signIn(database.db, new Request(minted.json.redirect_url));
    expect(res.status).toBe(303);
    return res.headers.getSetCookie();
  }

  it("a session minted in French remembers French in the browser; `auto` and no locale leave the browser's choice alone", async () => {
    expect((await signInWith({ locale: "fr" })).filter((c) => c.startsWith("billfold_locale="))).toEqual([
      "billfold_locale=fr; Path=/; SameSite=Lax; Max-Age=31536000",
    ]);
    expect((await signInWith({ locale: "auto" })).some((c) => c.startsWith("billfold_locale="))).toBe(false);
    expect((await signInWith({})).some((c) => c.startsWith("billfold_locale="))).toBe(false);
  });

  it("refuses a locale the portal does not speak, naming the field and the choices", async () => {
    for (const locale of ["xx", "en-XA", "DE", 42, null]) {
      const res = await callApi("POST", "/api/v1/billing-portal/sessions", { key, body: { customer_id: customerId, ...URLS, locale } });
      expect(res.status, String(locale)).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.json.errors.locale[0]).toContain("pt-BR");
    }
  });

  it("top-up links carry the locale too", async () => {
    const res = await callApi("POST", "/api/v1/top-ups", { key, body: { customer_id: customerId, amount: 10, currency: "USD", locale: "ja" } });
    expect(res.status, res.text).toBe(201);
    const signedIn = await signIn(database.db, new Request(res.json.redirect_url));
    expect(signedIn.headers.getSetCookie()).toContain("billfold_locale=ja; Path=/; SameSite=Lax; Max-Age=31536000");
  });
});
