import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, mintLink, test } from "../fixtures";

/**
 * Raw percent-escapes in every dynamic path segment, sent to the production server, where Next.js decodes
 * segments before any route runs (the in-process route table cannot show that). `%ff`, `%ED%A0%80` (half a
 * surrogate pair), `%C0%AF` (an overlong "/") and a lone `%` do not decode: proxy.ts answers 400. `%25` and
 * `%00` decode, and the route kit judges the segment: `%` is an id like any other, NUL a 422.
 */
const ESCAPES = ["%25", "%00", "%ff", "%ED%A0%80", "%C0%AF", "%", "%E2%82"];
const UNDECODABLE = new Set(["%ff", "%ED%A0%80", "%C0%AF", "%", "%E2%82"]);

interface Dynamic {
  kind: "api" | "page";
  /** URL segments; a dynamic one is null. */
  segments: (string | null)[];
}

/** Every route.ts and page.tsx under app/ with at least one [dynamic] segment (route groups left out). */
function dynamicRoutes(dir = path.join(process.cwd(), "app"), prefix: string[] = []): Dynamic[] {
  const out: Dynamic[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      const next = name.startsWith("(") ? prefix : [...prefix, name];
      out.push(...dynamicRoutes(full, next));
    } else if ((name === "route.ts" || name === "page.tsx") && prefix.some((s) => s.startsWith("["))) {
      out.push({ kind: name === "route.ts" ? "api" : "page", segments: prefix.map((s) => (s.startsWith("[") ? null : s)) });
    }
  }
  return out;
}

interface Probe {
  method: "get" | "post";
  url: string;
  page: boolean;
  undecodable: boolean;
}

/** One request per dynamic segment, escape and method; the other segments hold a real customer id or "x". */
function probes(customerId: string): Probe[] {
  const out: Probe[] = [];
  for (const route of dynamicRoutes()) {
    const dynamic = route.segments.flatMap((s, i) => (s === null ? [i] : []));
    for (const at of dynamic) {
      for (const escape of ESCAPES) {
        const segments = route.segments.map((s, i) => (i === at ? escape : (s ?? (route.segments[i - 1] === "customers" ? customerId : "x"))));
        for (const method of route.kind === "api" ? (["get", "post"] as const) : (["get"] as const)) {
          out.push({ method, url: `/${segments.join("/")}`, page: route.kind === "page", undecodable: UNDECODABLE.has(escape) });
        }
      }
    }
  }
  return out;
}

/** What is wrong with an answer: not the 400 of proxy.ts for an escape that does not decode, a 5xx, or an API error not in problem+json. */
function problems(probe: Probe, status: number, type: string): string[] {
  const statusOk = probe.undecodable ? status === 400 : status < 500;
  const typeOk = probe.page || status < 400 || status === 405 || type.includes("application/problem+json");
  return statusOk && typeOk ? [] : [`${probe.method.toUpperCase()} ${probe.url} → ${status} ${type}`];
}

test.describe("[HARDENING] raw percent-escapes in path segments", () => {
  test("every dynamic route and page answers each escape in each dynamic segment with a 4xx or a page, never a 500", async ({ api, page }) => {
    const routes = dynamicRoutes();
    expect(routes.filter((r) => r.kind === "api").length).toBeGreaterThanOrEqual(25);
    expect(routes.filter((r) => r.kind === "page").length).toBeGreaterThanOrEqual(4);
    const customer = await api.post("/customers", { name: "Escapes" });
    await page.goto(await mintLink(api, customer.id));
    const origin = new URL(page.url()).origin;
    const list = probes(customer.id);
    const failures: string[] = [];
    for (const probe of list) {
      const headers = { authorization: `Bearer ${api.key}`, origin };
      const res = await page.request[probe.method](probe.url, { headers, maxRedirects: 0, data: probe.method === "post" ? {} : undefined });
      failures.push(...problems(probe, res.status(), res.headers()["content-type"] ?? ""));
    }
    expect(failures, `${failures.length} of ${list.length} probes`).toEqual([]);
    expect(list.length).toBeGreaterThan(500);
  });
});
