import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brotliAssets, compressStatic, serveBrotli } from "./brotli-assets.mjs";

const script = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, name: "row ${i}" }`).join(", ")}];\n`;

describe("brotli static assets", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "billfold-static-"));
  let server: Server;
  let base: string;

  beforeAll(async () => {
    mkdirSync(path.join(dir, "chunks"), { recursive: true });
    writeFileSync(path.join(dir, "chunks", "page.js"), script);
    writeFileSync(path.join(dir, "chunks", "tiny.js"), "x=1");
    writeFileSync(path.join(dir, "chunks", "image.png"), script);
    expect(await compressStatic(dir)).toBe(1);
    const assets = brotliAssets(dir);
    server = createServer((req, res) => {
      if (!serveBrotli(assets, req, res)) res.writeHead(404, { "x-fallthrough": "1" }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("compresses scripts worth compressing and nothing else", () => {
    expect(existsSync(path.join(dir, "chunks", "page.js.br"))).toBe(true);
    expect(existsSync(path.join(dir, "chunks", "tiny.js.br"))).toBe(false);
    expect(existsSync(path.join(dir, "chunks", "image.png.br"))).toBe(false);
  });

  it("sends the brotli file to a client that accepts br, and it decodes to the original", async () => {
    const res = await send(base, "GET", "/_next/static/chunks/page.js?dpl=1", "gzip, br");
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      "content-encoding": "br",
      "content-type": "application/javascript; charset=utf-8",
      "cache-control": "public, max-age=31536000, immutable",
      vary: "Accept-Encoding",
    });
    expect(res.body.length).toBeLessThan(Buffer.byteLength(script) / 5);
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it("leaves everything else to Next: no br in Accept-Encoding (or q=0), other paths, methods, traversal", async () => {
    const cases: Array<[string, string, string]> = [
      ["GET", "/_next/static/chunks/page.js", "gzip, deflate"],
      ["GET", "/_next/static/chunks/page.js", "gzip, br;q=0"],
      ["GET", "/_next/static/chunks/tiny.js", "br"],
      ["GET", "/_next/static/chunks/../chunks/page.js", "br"],
      ["GET", "/_next/static/chunks/page.js.br", "br"],
      ["POST", "/_next/static/chunks/page.js", "br"],
    ];
    for (const [method, url, encoding] of cases) {
      const res = await send(base, method, url, encoding);
      expect(res.headers["x-fallthrough"], `${method} ${url} ${encoding}`).toBe("1");
    }
  });
});

/** Sends the path exactly as given (fetch would resolve "..") and returns the body as sent, still encoded. */
function send(base: string, method: string, urlPath: string, encoding: string) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const req = request({ hostname, port, path: urlPath, method, headers: { "accept-encoding": encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject).end();
  });
}
