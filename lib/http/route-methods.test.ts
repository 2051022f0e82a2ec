import path from "node:path";
import { describe, expect, it } from "vitest";
import { callApi } from "@/test/support/api-client";
import { implementedMethods, routeFiles } from "@/test/support/route-table";
import { API_METHODS } from "./route-methods";

const routes = routeFiles(path.join(process.cwd(), "app", "api", "v1")).filter((r) => !r.pattern.includes("[..."));

/** A concrete path for a route pattern: every [param] becomes "x". */
const concrete = (pattern: string) => pattern.replace(/\[[^\]]+\]/g, "x");

describe("unsupported methods on /api/v1", () => {
  it("every route module exports every method and OPTIONS, so Next never answers an empty 405", async () => {
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      const mod = (await import(route.file)) as Record<string, unknown>;
      const missing = [...API_METHODS, "OPTIONS"].filter((m) => typeof mod[m] !== "function");
      expect(missing, `${route.pattern} must export its handlers through apiRoutes`).toEqual([]);
    }
  });

  it("answers each method a route does not implement with a problem+json 405 and Allow, without a key", async () => {
    let checked = 0;
    for (const route of routes) {
      const implemented = await implementedMethods(route.file);
      expect(implemented.length, route.pattern).toBeGreaterThan(0);
      const allow = [...implemented, ...(implemented.includes("GET") ? ["HEAD"] : []), "OPTIONS"].sort().join(", ");
      for (const method of API_METHODS.filter((m) => !implemented.includes(m))) {
        const res = await callApi(method, concrete(route.pattern));
        expect(res.status, `${method} ${route.pattern}`).toBe(405);
        expect(res.headers.get("allow"), `${method} ${route.pattern}`).toBe(allow);
        expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
        expect(res.json).toEqual({
          type: "https://tools.ietf.org/html/rfc9110#section-15.5.6",
          title: "Method Not Allowed",
          status: 405,
          detail: `${method} is not supported here. Allowed: ${allow}.`,
          instance: concrete(route.pattern),
        });
        checked++;
      }
      const options = await callApi("OPTIONS", concrete(route.pattern));
      expect(options.status, `OPTIONS ${route.pattern}`).toBe(204);
      expect(options.headers.get("allow"), `OPTIONS ${route.pattern}`).toBe(allow);
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("serves the guide's POST /products/:productId/simulate and still refuses GET there", async () => {
    const simulate = routes.find((r) => r.pattern === "/api/v1/products/[productId]/simulate");
    expect(simulate && (await implementedMethods(simulate.file))).toEqual(["POST"]);
    const res = await callApi("GET", "/api/v1/products/prp_x/simulate");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("OPTIONS, POST");
  });
});
