import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findRoute, routeTree } from "./api-lane.mjs";

const root = mkdtempSync(path.join(os.tmpdir(), "billfold-lane-"));
mkdirSync(path.join(root, ".next", "server"), { recursive: true });
const routes = [
  "/api/v1/events/route",
  "/api/v1/customers/[customerId]/wallet/route",
  "/api/v1/customers/[customerId]/wallet/[accountId]/route",
  "/api/v1/customers/[customerId]/wallet/adjustments/route",
  "/api/v1/[...path]/route",
  "/api/health/route",
  "/api/portal/wallet/route",
  "/(portal)/page",
];
writeFileSync(path.join(root, ".next", "server", "app-paths-manifest.json"), JSON.stringify(Object.fromEntries(routes.map((r) => [r, `app${r}.js`]))));
const tree = routeTree(root);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const file = (route: string) => path.join(root, ".next", "server", `app${route}.js`);

describe("the API lane's router", () => {
  it("matches static segments before parameters, as Next does, and hands the parameters over", () => {
    expect(findRoute(tree, "/api/v1/customers/cus_1/wallet/adjustments")).toEqual({
      file: file("/api/v1/customers/[customerId]/wallet/adjustments/route"),
      params: { customerId: "cus_1" },
    });
    expect(findRoute(tree, "/api/v1/customers/cus_1/wallet/main:USD")).toEqual({
      file: file("/api/v1/customers/[customerId]/wallet/[accountId]/route"),
      params: { customerId: "cus_1", accountId: "main:USD" },
    });
    expect(findRoute(tree, "/api/v1/events")?.file).toBe(file("/api/v1/events/route"));
    expect(findRoute(tree, "/api/health")?.file).toBe(file("/api/health/route"));
  });

  it("leaves to Next what it does not serve or is not sure about", () => {
    for (const pathname of [
      "/api/v1/nothing-here", // the catch-all's 404
      "/api/v1/events/", // Next's trailing-slash redirect
      "/api/v1/customers/caf%C3%A9/wallet", // escapes: proxy.ts checks and Next decodes them
      "/api/v1/customers/../events",
      "/api/v1//events",
      "/api/portal/wallet", // not an API-key route
      "/",
    ]) {
      expect(findRoute(tree, pathname), pathname).toBeNull();
    }
  });
});

describe("the API lane's request bodies", () => {
  it("stream at the reader's pace, and a body cut off at its limit gets its 413 and a closed connection", async () => {
    const { createServer } = await import("node:http");
    const { readBodyText } = await import("@/lib/http/read-body");
    const { errorResponse } = await import("@/lib/http/route-kit");
    const { send, toRequest } = await import("./api-lane.mjs");
    const server = createServer((req, res) => {
      const request = toRequest(req, "http://127.0.0.1");
      // A handler that answers without reading the body at all.
      if (req.url === "/refuse") return void send(res, new Response(null, { status: 401 }), false);
      readBodyText(request, 1024 * 1024)
        .then((text) => Response.json({ bytes: text.length }))
        .catch((error: unknown) => errorResponse(error, "/test"))
        .then((response) => send(res, response, false));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as import("node:net").AddressInfo;
    try {
      const small = await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: "x".repeat(300_000) });
      expect(await small.json()).toEqual({ bytes: 300_000 });
      // Chunked, so no Content-Length gives it away: the stream itself must be cut off.
      const chunks = new ReadableStream({
        pull(controller) {
          controller.enqueue(new Uint8Array(256 * 1024));
        },
      });
      const big = await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: chunks, duplex: "half" } as RequestInit);
      expect(big.status).toBe(413);
      // The rest of the upload is not read: the connection closes after the answer.
      expect(big.headers.get("connection")).toBe("close");
      const refused = await fetch(`http://127.0.0.1:${port}/refuse`, { method: "POST", body: "x".repeat(2_000_000) });
      expect(refused.status).toBe(401);
      // The connection after it is a fresh one that answers at once.
      expect((await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: "{}" })).status).toBe(200);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
