import { isDecodablePath } from "@/lib/http/path-segments";
import type { Database } from "@/lib/kernel/db";
import { routeFiles, type RouteFile } from "./route-table";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const holder = globalThis as typeof globalThis & { __billfoldDatabase?: Promise<Database> };

/** Makes the app's getDb() return this test database, so route handlers run against it. */
export function useDatabase(database: Database): void {
  holder.__billfoldDatabase = Promise.resolve(database);
}

let table: RouteFile[] | undefined;

export interface CallOptions {
  key?: string | null;
  body?: unknown;
  /** Raw body text; wins over `body`. */
  raw?: string;
  headers?: Record<string, string>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any;
  /** The body as it came, for binary responses (PDFs). */
  bytes: Uint8Array;
}

/**
 * Calls the real route handler for `method path` in-process, the way Next.js would, without a
 * server: the fast way to test every endpoint's HTTP behaviour.
 */
export async function callApi(method: string, urlPath: string, options: CallOptions = {}): Promise<ApiResponse> {
  table ??= routeFiles();
  const pathname = urlPath.split("?")[0]!;
  const route = table.find((r) => r.regex.test(pathname));
  if (!route) throw new Error(`no route for ${pathname}`);
  const mod = (await import(route.file)) as Record<string, Handler | undefined>;
  const handler = mod[method];
  if (!handler) return { status: 405, headers: new Headers(), text: "", json: null, bytes: new Uint8Array() };
  // proxy.ts answers a path Next.js could not decode before any route runs (e2e/api/percent-escapes.spec.ts).
  if (!isDecodablePath(pathname)) return { status: 400, headers: new Headers({ "content-type": "application/problem+json" }), text: "", json: null, bytes: new Uint8Array() };
  const match = route.regex.exec(pathname)!;
  const params = Object.fromEntries(route.params.map((p, i) => [p, decodeURIComponent(match[i + 1]!)]));
  const headers = new Headers(options.headers);
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const req = new Request(`http://portal.test${urlPath}`, { method, headers, body });
  const res = await handler(req, { params: Promise.resolve(params) });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json, bytes };
}
