import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { exchangeToken } from "@/lib/portal/exchange-token";
import { readSession } from "@/lib/portal/sessions";
import { toPlatform } from "@/lib/platforms/get-platform";
import { callApi, useDatabase, type CallOptions } from "@/lib/testing/api-client";
import { testDatabases } from "@/lib/testing/databases";
import { createTestPlatform, type TestPlatform } from "@/lib/testing/fixtures";

describe.each(testDatabases())("connected accounts on $name", (target) => {
  let database: Database;
  let platform: TestPlatform;
  let other: TestPlatform;
  beforeAll(async () => {
    database = await target.open();
    useDatabase(database);
    platform = await createTestPlatform(database.db, "Builder Co");
    other = await createTestPlatform(database.db);
  });
  afterAll(() => database.close());

  const as = (account: string | null, key?: string) => (method: string, path: string, options: CallOptions = {}) =>
    callApi(method, `/api/v1${path}`, { key: key ?? platform.testKey, ...options, headers: { ...options.headers, ...(account === null ? {} : { "x-credyt-account": account }) } });
  const parent = as(null);

  async function account(name: string, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await parent("POST", "/accounts", { body: { name, ...extra } });
    expect(res.status, res.text).toBe(201);
    return res.json.id as string;
  }

  it("creates, lists, finds by external_id and gets connected accounts, unique per platform and mode", async () => {
    const res = await parent("POST", "/accounts", { body: { name: "BingoLingo", external_id: "4bc6fbfc5493", metadata: { config_id: "c1" } } });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ id: expect.stringMatching(/^acc_[0-9a-z]{26}$/), name: "BingoLingo", external_id: "4bc6fbfc5493", metadata: { config_id: "c1" }, live_mode: false, created_at: expect.any(String) });
    const id = res.json.id;
    const again = await parent("POST", "/accounts", { body: { name: "Other", external_id: "4bc6fbfc5493" } });
    expect(again.status).toBe(422);
    expect(again.json.errors.external_id).toEqual(["A connected account with this external_id already exists."]);
    // The same external_id is free in live mode and on another platform.
    expect((await as(null, platform.liveKey)("POST", "/accounts", { body: { name: "Live twin", external_id: "4bc6fbfc5493" } })).status).toBe(201);
    expect((await as(null, other.testKey)("POST", "/accounts", { body: { name: "Elsewhere", external_id: "4bc6fbfc5493" } })).status).toBe(201);

    const second = await account("Second");
    const list = await parent("GET", "/accounts?limit=1&offset=0");
    expect(list.json).toMatchObject({ total_count: 2, limit: 1, offset: 0 });
    expect(list.json.items.map((a: { id: string }) => a.id)).toEqual([second]);
    const byExternal = await parent("GET", "/accounts?external_id=4bc6fbfc5493");
    expect(byExternal.json.items.map((a: { id: string }) => a.id)).toEqual([id]);
    expect((await parent("GET", "/accounts?external_id=nope")).json).toMatchObject({ items: [], total_count: 0 });
    expect((await parent("GET", `/accounts/${id}`)).json.name).toBe("BingoLingo");

    for (const [who, call] of [["another platform", as(null, other.testKey)], ["the live key", as(null, platform.liveKey)]] as const) {
      const res404 = await call("GET", `/accounts/${id}`);
      expect(res404.status, who).toBe(404);
      expect(res404.headers.get("content-type"), who).toContain("application/problem+json");
      expect((await call("GET", "/accounts")).json.items.map((a: { id: string }) => a.id), who).not.toContain(id);
    }
    expect((await parent("POST", "/accounts", { body: { name: "" } })).status).toBe(422);
  });

  it("answers GET /accounts/self for the key and for the account in the header", async () => {
    expect((await parent("GET", "/accounts/self")).json).toEqual({
      id: platform.id, name: "Builder Co", mode: "test", live_mode: false, type: "platform", external_id: null, metadata: {}, parent: null,
    });
    const id = await account("Self Co", { external_id: "self-1" });
    expect((await as(id)("GET", "/accounts/self")).json).toEqual({
      id, name: "Self Co", mode: "test", live_mode: false, type: "connected_account", external_id: "self-1", metadata: {}, parent: { id: platform.id, name: "Builder Co" },
    });
  });

  it("refuses a header naming anything but one of the key platform's accounts in its mode, with a 404 problem", async () => {
    const id = await account("Header Co");
    const foreign = (await as(null, other.testKey)("POST", "/accounts", { body: { name: "Foreign" } })).json.id;
    const cases: [string, ReturnType<typeof as>][] = [
      ["another platform's account", as(foreign)],
      ["the live key", as(id, platform.liveKey)],
      ["another platform's key", as(id, other.testKey)],
      ["the platform's own id", as(platform.id)],
      ["a blank header", as("")],
      ["garbage", as("acc_' OR 1=1 --")],
    ];
    for (const [label, call] of cases) {
      const res = await call("GET", "/customers");
      expect(res.status, label).toBe(404);
      expect(res.headers.get("content-type"), label).toContain("application/problem+json");
      expect(res.json.detail, label).toBe("Account not found.");
    }
    expect((await as(id)("GET", "/customers")).status).toBe(200);
    // A bad key is still a 401 with the header, before the account is looked at.
    expect((await as(id, "key_test_00000000000000000000000000000000")("GET", "/customers")).status).toBe(401);
  });

  it("gives a connected account no connected accounts of its own", async () => {
    const id = await account("Leaf Co");
    const res = await as(id)("POST", "/accounts", { body: { name: "Grandchild" } });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect((await as(id)("GET", "/accounts")).json).toMatchObject({ items: [], total_count: 0 });
  });

  it("keeps each account's objects to itself and the parent's to the parent", async () => {
    const a = await account("A Co");
    const b = await account("B Co");
    const made = await as(a)("POST", "/customers", { body: { name: "Only in A", external_id: "shared-ext" } });
    expect(made.status).toBe(201);
    expect((await as(b)("POST", "/customers", { body: { name: "Only in B", external_id: "shared-ext" } })).status).toBe(201);
    expect((await parent("GET", `/customers/${made.json.id}`)).status).toBe(404);
    expect((await as(b)("GET", `/customers/${made.json.id}`)).status).toBe(404);
    expect((await as(a)("GET", "/customers?external_id=shared-ext")).json.id).toBe(made.json.id);
    expect((await parent("GET", "/customers?external_id=shared-ext")).status).toBe(404);
  });

  it("brands an account's portal as the account, with the parent's branding and settings as defaults", async () => {
    await parent("PUT", "/platform/branding", { body: { name: "Builder Brand", primary_color: "#123456", home_url: "https://builder.example.com" } });
    await parent("PUT", "/platform/settings", { body: { top_up: { min_amount: 7, max_amount: 700 } } });
    const id = await account("Tenant Studio");
    const inherited = await as(id)("GET", "/platform/branding");
    expect(inherited.json).toMatchObject({ name: "Tenant Studio", primary_color: "#123456", home_url: "https://builder.example.com" });
    expect((await as(id)("GET", "/platform/settings")).json.top_up).toMatchObject({ min_amount: 7, max_amount: 700 });
    const put = await as(id)("PUT", "/platform/branding", { body: { primary_color: "#654321" } });
    expect(put.json).toMatchObject({ name: "Tenant Studio", primary_color: "#654321", home_url: "https://builder.example.com" });
    expect((await as(id)("GET", "/platform/branding")).json).toMatchObject({ name: "Tenant Studio", primary_color: "#654321" });
    expect((await parent("GET", "/platform/branding")).json).toMatchObject({ name: "Builder Brand", primary_color: "#123456" });

    const customer = (await as(id)("POST", "/customers", { body: { name: "Studio customer" } })).json.id;
    const link = await as(id)("POST", "/billing-portal/sessions", { body: { customer_id: customer, return_url: "https://builder.example.com/r", failure_url: "https://builder.example.com/f" } });
    expect(link.status, link.text).toBe(201);
    expect((await parent("POST", "/billing-portal/sessions", { body: { customer_id: customer, return_url: "https://builder.example.com/r", failure_url: "https://builder.example.com/f" } })).status).toBe(404);
    const result = await exchangeToken(database.db, new URL(link.json.redirect_url).searchParams.get("token")!);
    if (result.kind !== "session") throw new Error(`sign-in failed: ${result.kind}`);
    const state = await readSession(database.db, result.sessionId);
    if (state.kind !== "active") throw new Error(`no session: ${state.kind}`);
    expect(state.scope).toEqual({ platformId: id, liveMode: false, customerId: customer });
    expect(toPlatform(state.platform).branding).toMatchObject({ name: "Tenant Studio", primaryColor: "#654321", homeUrl: "https://builder.example.com" });
  });
});
