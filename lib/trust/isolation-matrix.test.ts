import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { callApi, useDatabase, type ApiResponse } from "@/lib/testing/api-client";
import { testDatabases } from "@/lib/testing/databases";
import { implementedMethods, routeFiles } from "@/lib/testing/route-table";
import { rowCounts } from "@/lib/testing/row-counts";
import { useTestProvider } from "@/lib/testing/stripe-env";
import { CASES, LEAK_SWEEP, NO_FOREIGN_ID, type IsolationCase } from "./isolation-cases";
import { secretsOf, seedTenant, type Ids, type Tenant } from "./isolation-world";

/** Every "METHOD /pattern" exported by a route file under /api/v1 and /api/portal. */
async function routeMethods(): Promise<string[]> {
  const out: string[] = [];
  for (const route of routeFiles().filter((r) => /^\/api\/(v1|portal)\//.test(r.pattern))) {
    for (const method of await implementedMethods(route.file)) out.push(`${method} ${route.pattern}`);
  }
  return out.sort();
}

function routeOf(path: string): string | undefined {
  const pathname = path.split("?")[0]!;
  return routeFiles().find((r) => r.regex.test(pathname))?.pattern;
}

describe("tenant isolation matrix: coverage", () => {
  it("has a case, or a stated reason for none, for every route and method (and nothing stale)", async () => {
    const routes = await routeMethods();
    const covered = new Set([...CASES.map((c) => `${c.method} ${c.route}`), ...Object.keys(NO_FOREIGN_ID)]);
    expect(routes.filter((r) => !covered.has(r)), "routes without an isolation case: add one to lib/trust/isolation-cases.ts").toEqual([]);
    expect([...covered].filter((r) => !routes.includes(r)), "cases for routes that no longer exist").toEqual([]);
    expect(CASES.filter((c) => Object.hasOwn(NO_FOREIGN_ID, `${c.method} ${c.route}`)).map((c) => c.route)).toEqual([]);
  });
});

interface Seeded {
  platforms: Tenant[];
  /** A platform P and two of its connected accounts A and B. */
  family: { parent: Tenant; a: Tenant; b: Tenant };
}

interface World {
  name: string;
  /** The acting tenant first, then the two whose objects it must never reach. */
  tenants: (s: Seeded) => Tenant[];
  /**
   * Fields of another tenant the acting tenant may see: a parent knows its connected accounts' ids and a
   * connected account its parent's (GET /accounts, /accounts/self), never their objects.
   */
  known: (foreign: Ids, s: Seeded) => (keyof Ids)[];
  /** "METHOD route" cases that are the acting tenant's right here: a parent reads its connected accounts' records. */
  allowed: string[];
}

const WORLDS: World[] = [
  { name: "platform A beside platforms B and C", tenants: (s) => s.platforms, known: () => [], allowed: [] },
  {
    name: "connected account A beside its sibling B and its parent P",
    tenants: ({ family: f }) => [f.a, f.b, f.parent],
    known: (foreign, { family: f }) => (foreign.platformId === f.parent.platformId ? ["platformId"] : []),
    allowed: [],
  },
  {
    name: "parent P (no header) beside its connected accounts A and B",
    tenants: ({ family: f }) => [f.parent, f.a, f.b],
    known: () => ["platformId", "connectedAccountId"],
    allowed: ["GET /api/v1/accounts/[accountId]"],
  },
];

describe.each(testDatabases())("tenant isolation matrix on $name", (target) => {
  let database: Database;
  let seeded: Seeded;
  beforeAll(async () => {
    database = await target.open();
    useDatabase(database);
    useTestProvider();
    const platforms = [await seedTenant(database), await seedTenant(database), await seedTenant(database)];
    const parent = await seedTenant(database);
    seeded = { platforms, family: { parent, a: await seedTenant(database, parent.platform), b: await seedTenant(database, parent.platform) } };
  });
  afterAll(() => database.close());

  describe.each(WORLDS)("$name", (world) => {
    const tenants = () => world.tenants(seeded);
    const own = () => tenants()[0]!.customers[0];
    /** Another tenant's first and second customer, and for customer-scoped positions this tenant's second customer. */
    function foreigners(c: IsolationCase): { who: string; ids: Ids }[] {
      const others = [
        { who: "tenant 2 customer 1", ids: tenants()[1]!.customers[0] },
        { who: "tenant 3 customer 2", ids: tenants()[2]!.customers[1] },
      ];
      return c.reach === "customer" ? [{ who: "tenant 1 customer 2", ids: tenants()[0]!.customers[1] }, ...others] : others;
    }
    const secrets = (foreign: Ids, request: string) =>
      secretsOf(foreign, own(), request).filter((v) => !world.known(foreign, seeded).some((k) => foreign[k] === v));

    function call(via: "api" | "portal", method: string, path: string, body?: unknown): Promise<ApiResponse> {
      const acting = tenants()[0]!;
      if (via === "portal") return acting.portals[0](method, path, body === undefined ? {} : { body });
      return callApi(method, path, { key: acting.key, headers: acting.headers, ...(body === undefined ? {} : { body }) });
    }

    const cases = CASES.filter((c) => !world.allowed.includes(`${c.method} ${c.route}`));
    it.each(cases.map((c) => [`${c.method} ${c.route} (${c.via}) with a foreign ${c.label}`, c] as const))(
      "%s → refused, nothing leaked, nothing written",
      async (_label, c) => {
        const platformIds = tenants().map((t) => t.platformId);
        for (const { who, ids } of foreigners(c)) {
          const req = c.request(own(), ids);
          expect(routeOf(req.path), `${req.path} is served by ${c.route}`).toBe(c.route);
          const before = await rowCounts(database.db, platformIds);
          const res = await call(c.via, c.method, req.path, req.body);
          const context = `${who}: ${c.method} ${req.path} → ${res.status} ${res.text.slice(0, 300)}`;
          if (c.expect !== "filter") {
            expect(res.status, context).toBe(c.expect);
            expect(res.headers.get("content-type"), context).toContain("application/problem+json");
          } else {
            expect(res.status, context).toBe(200);
          }
          const leaked = secrets(ids, `${req.path} ${JSON.stringify(req.body ?? "")}`).filter((s) => res.text.includes(s));
          expect(leaked, context).toEqual([]);
          expect(await rowCounts(database.db, platformIds), context).toEqual(before);
        }
      },
    );

    it("lists and own-object reads show nothing of another customer or tenant", async () => {
      const foreign = [tenants()[0]!.customers[1], ...tenants().slice(1).flatMap((t) => t.customers)];
      for (const { via, path } of LEAK_SWEEP) {
        const res = await call(via, "GET", path);
        expect(res.status, `${path}: ${res.text.slice(0, 200)}`).toBe(200);
        // A platform's API key sees its own second customer; the portal session must not.
        const others = via === "api" ? foreign.slice(1) : foreign;
        const leaked = others.flatMap((ids) => secrets(ids, "")).filter((s) => res.text.includes(s));
        expect(leaked, `${via} ${path}`).toEqual([]);
      }
    });
  });
});
