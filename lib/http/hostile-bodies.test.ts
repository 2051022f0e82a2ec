import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomer } from "@/lib/workflows/subscriptions/create-customer";
import type { Database } from "@/lib/kernel/db";
import { resetEnvCache } from "@/lib/kernel/env";
import { mintPortalLink } from "@/lib/domain/portal-sessions/create-session-link";
import { exchangeToken } from "@/lib/domain/portal-sessions/exchange-token";
import { TEST_ADMIN_TOKEN } from "@/test/support/admin-token";
import { useDatabase } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { createTestPlatform } from "@/test/support/fixtures";
import { implementedMethods, routeFiles } from "@/test/support/route-table";
import { BODY_LIMITS, readBodyText } from "./read-body";

const CHUNK = new Uint8Array(64 * 1024).fill(0x20);
const LARGEST_LIMIT = Math.max(...Object.values(BODY_LIMITS));

/** A chunked upload of `totalBytes` that is produced only as it is read, counting what was pulled. */
function hostileBody(totalBytes: number) {
  const source = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (source.pulled >= totalBytes) return controller.close();
        source.pulled += CHUNK.byteLength;
        controller.enqueue(CHUNK.slice());
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, source };
}

function post(url: string, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}, method = "POST"): Request {
  return new Request(url, { method, body, headers, duplex: "half" } as RequestInit);
}

describe("the bounded body reader", () => {
  it("cuts a 200 MB chunked upload off at the limit with 413, having read no more than the limit and a chunk", async () => {
    const { stream, source } = hostileBody(200 * 1_048_576);
    await expect(readBodyText(post("http://x.test/", stream), 1_048_576)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(source.pulled).toBeLessThanOrEqual(1_048_576 + 2 * CHUNK.byteLength);
  });

  it("refuses a declared Content-Length over the limit before reading a byte", async () => {
    const { stream, source } = hostileBody(10 * 1_048_576);
    await expect(readBodyText(post("http://x.test/", stream, { "content-length": String(10 * 1_048_576) }), 1024)).rejects.toMatchObject({
      code: "payload_too_large",
    });
    expect(source.pulled).toBeLessThanOrEqual(CHUNK.byteLength);
  });

  it("reads a body at the limit whole, as UTF-8", async () => {
    const text = `"${"é".repeat(100)}"`;
    const req = new Request("http://x.test/", { method: "POST", body: text });
    expect(await readBodyText(req, Buffer.byteLength(text))).toBe(text);
    await expect(readBodyText(new Request("http://x.test/", { method: "POST", body: text }), Buffer.byteLength(text) - 1)).rejects.toMatchObject({
      code: "payload_too_large",
    });
  });
});

/** Every route method that can carry a body, read from the route modules, so a new one joins. */
async function bodyRoutes(): Promise<{ method: string; path: string; file: string; params: Record<string, string> }[]> {
  const found = await Promise.all(
    routeFiles().map(async (r) => {
      const path = r.pattern.replace(/\[(\.\.\.)?[^\]]+\]/g, "x");
      const methods = (await implementedMethods(r.file)).filter((m) => m !== "GET");
      return methods.map((method) => ({ method, path, file: r.file, params: Object.fromEntries(r.params.map((p) => [p, "x"])) }));
    }),
  );
  return found.flat();
}

const routes = await bodyRoutes();

describe.each(testDatabases())("hostile bodies on every route, $name", (target) => {
  let database: Database;
  const headers: Record<string, Record<string, string>> = {};
  beforeAll(async () => {
    database = await target.open();
    useDatabase(database);
    process.env.BILLFOLD_ADMIN_TOKEN = TEST_ADMIN_TOKEN;
    resetEnvCache();
    const platform = await createTestPlatform(database.db);
    const customer = await createCustomer(database.db, platform.scope, { name: "uploader" });
    const link = await mintPortalLink(database.db, platform.scope, { customerId: customer.id, returnUrl: "https://app.example.com/r", failureUrl: "https://app.example.com/f" });
    const session = await exchangeToken(database.db, new URL(link.redirectUrl).searchParams.get("token")!);
    if (session.kind !== "session") throw new Error("no session");
    headers.api = { authorization: `Bearer ${platform.testKey}`, "content-type": "application/json" };
    headers.portal = { cookie: `billfold_session=${session.sessionId}`, origin: "http://portal.test", "content-type": "application/json" };
    headers.admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, "content-type": "application/json" };
    headers.other = { origin: "http://portal.test", "content-type": "application/json", "stripe-signature": "t=1,v1=00" };
  });
  afterAll(async () => {
    delete process.env.BILLFOLD_ADMIN_TOKEN;
    resetEnvCache();
    await database.close();
  });


  it("finds the routes that take bodies", () => {
    expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(["/api/webhooks/stripe", "/api/test-checkout/x", "/api/v1/events", "/api/portal/top-ups"]));
  });

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))("%s reads at most its limit of a 64 MB chunked upload, never a 5xx", async (_label, route) => {
    const kind = route.path.startsWith("/api/v1/") ? "api" : route.path.startsWith("/api/portal/") ? "portal" : route.path.startsWith("/api/admin/") ? "admin" : "other";
    const { stream, source } = hostileBody(64 * 1_048_576);
    const mod = (await import(route.file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
    const res = await mod[route.method]!(post(`http://portal.test${route.path}`, stream, headers[kind], route.method), { params: Promise.resolve(route.params) });
    expect(res.status).toBeLessThan(500);
    expect(source.pulled).toBeLessThanOrEqual(LARGEST_LIMIT + 2 * CHUNK.byteLength);
    if (source.pulled > 0) expect(res.status).toBe(413);
  });
});
