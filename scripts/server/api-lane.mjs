// The API lane: the production server answers /api/v1 (and /api/health) by calling the route modules
// Next.js built (their exported GET/POST/… handlers, the very functions Next calls) on a plain router,
// without the page framework's per-request work (its routing, middleware pass, render pipeline), which
// costs more CPU than an ingested event. Anything the lane is not sure about goes to Next unchanged.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// Served by the lane; the rest of /api (portal, admin, webhooks, sign-in) stays with Next.
const PREFIXES = ["/api/v1/", "/api/health", "/api/bench/lane/"];
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
// next.config.ts gives every /api response this header; the lane's responses must match.
const API_HEADERS = { "x-content-type-options": "nosniff" };

/** A trie of the built app routes under PREFIXES: static segments before `[param]` ones, as Next matches. */
export function routeTree(root) {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next", "server", "app-paths-manifest.json"), "utf8"));
  const tree = { statics: new Map(), param: null, file: null };
  for (const [route, file] of Object.entries(manifest)) {
    if (!route.endsWith("/route")) continue;
    const url = route.slice(0, -"/route".length);
    if (!PREFIXES.some((p) => `${url}/`.startsWith(p) || url === p)) continue;
    const segments = url.split("/").slice(1);
    // A catch-all answers what nothing else matched: left to Next, which also owns trailing-slash redirects.
    if (segments.some((s) => s.startsWith("[..."))) continue;
    let node = tree;
    for (const segment of segments) {
      if (segment.startsWith("[")) {
        node.param ??= { name: segment.slice(1, -1), node: { statics: new Map(), param: null, file: null } };
        node = node.param.node;
      } else {
        if (!node.statics.has(segment)) node.statics.set(segment, { statics: new Map(), param: null, file: null });
        node = node.statics.get(segment);
      }
    }
    node.file = path.join(root, ".next", "server", file);
  }
  return tree;
}

function match(node, segments, i, params) {
  if (i === segments.length) return node.file ? { file: node.file, params } : null;
  const segment = segments[i];
  const child = node.statics.get(segment);
  const found = child ? match(child, segments, i + 1, params) : null;
  if (found || !node.param) return found;
  return match(node.param.node, segments, i + 1, { ...params, [node.param.name]: segment });
}

/** The route for a raw request path, or null. Paths with escapes, dot or empty segments go to Next. */
export function findRoute(tree, pathname) {
  if (!PREFIXES.some((p) => pathname.startsWith(p))) return null;
  if (/%|\/\/|\/\.\.?(\/|$)|\/$/.test(pathname)) return null;
  return match(tree, pathname.split("/").slice(1), 0, {});
}

/**
 * The request body as a web stream that follows the reader's pace (pausing the socket when the reader
 * falls behind). A reader that stops early (a body over its route's limit) leaves the rest to be
 * discarded and the connection to close after the answer, so the client still receives its 413.
 */
function bodyStream(req) {
  let abandoned = false;
  // Also called by send() for a body the handler never finished reading (a 401 before the body, say).
  req.billfoldAbandonBody = () => {
    abandoned = true;
    req.resume();
  };
  return new ReadableStream(
    {
      start(controller) {
        req.on("data", (chunk) => {
          if (abandoned) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if (controller.desiredSize <= 0) req.pause();
        });
        req.on("end", () => abandoned || controller.close());
        req.on("error", (error) => abandoned || controller.error(error));
      },
      pull() {
        req.resume();
      },
      cancel() {
        req.billfoldAbandonBody();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}

export function toRequest(req, origin) {
  // From req.headers, not rawHeaders: the server has replaced the peer header there (serve.mjs).
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const init = { method: req.method, headers };
  if (hasBody) Object.assign(init, { body: bodyStream(req), duplex: "half" });
  return new Request(`${origin}${req.url}`, init);
}

export async function send(res, response, head) {
  const headers = { ...API_HEADERS };
  // A body left unread (over its limit, or refused before reading): discard the rest and close after
  // answering, rather than read a whole upload or leave the connection stuck behind it.
  if (res.req && !res.req.complete && res.req.billfoldAbandonBody) {
    res.req.billfoldAbandonBody();
    headers.connection = "close";
  }
  for (const [name, value] of response.headers) if (name !== "set-cookie") headers[name] = value;
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  if (head || !response.body) {
    res.writeHead(response.status, headers);
    res.end();
    void response.body?.cancel();
    return;
  }
  const body = Buffer.from(await response.arrayBuffer());
  headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

/** Every route file in the tree. */
function filesOf(node, out = []) {
  if (node.file) out.push(node.file);
  for (const child of node.statics.values()) filesOf(child, out);
  if (node.param) filesOf(node.param.node, out);
  return out;
}

/**
 * Loads the build's route modules under PREFIXES and returns `serve(req, res)`, which answers a
 * request it has a route for and returns true, or returns false for Next to answer it. Call after
 * Next's prepare(): the modules rely on its module hooks, and instrumentation has booted the app.
 */
export async function apiLane(root) {
  const require = createRequire(import.meta.url);
  const tree = routeTree(root);
  const modules = new Map();
  for (const file of filesOf(tree)) {
    // Next's route module holds the route file's exports, loaded lazily: load them now, once.
    const { routeModule } = require(file);
    await routeModule.ensureUserland();
    modules.set(file, routeModule.userland);
  }
  const handlerFor = (file, method) => {
    const userland = modules.get(file);
    return userland[method === "HEAD" && !userland.HEAD ? "GET" : method] ?? null;
  };
  return function serve(req, res) {
    const pathname = req.url.split("?", 1)[0];
    const route = METHODS.has(req.method) ? findRoute(tree, pathname) : null;
    const handler = route ? handlerFor(route.file, req.method) : null;
    if (!handler) return false;
    let request;
    try {
      const origin = `${req.headers["x-forwarded-proto"] === "https" ? "https" : "http"}://${req.headers.host ?? "localhost"}`;
      request = toRequest(req, origin);
    } catch {
      // A Host or header value a Request will not take: Next answers such a request as it always has.
      return false;
    }
    handler(request, { params: Promise.resolve(route.params) })
      .then((response) => send(res, response, req.method === "HEAD"))
      .catch((error) => {
        process.stderr.write(`Billfold API lane error on ${req.method} ${pathname}: ${error?.stack ?? error}\n`);
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/problem+json", ...API_HEADERS });
        res.end(res.headersSent ? undefined : JSON.stringify({ title: "Internal Server Error", status: 500 }));
      });
    return true;
  };
}
