import { z } from "zod";
import type { RouteSchemas } from "@/lib/http/route-kit";
import { routeFiles } from "@/test/support/route-table";
import type { JsonSchema } from "./json-schema-arb";
import { BODY_MUTATIONS, PATH_MUTATIONS, QUERY_MUTATIONS, type Mutation } from "./mutations";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** One route and method as the fuzzer drives it: its pattern, its path parameters and the schemas its handler validates with. */
export interface FuzzTarget {
  label: string;
  via: "api" | "portal";
  method: (typeof METHODS)[number];
  /** As test/support/route-table.ts names it: /api/v1/customers/[customerId]. */
  pattern: string;
  params: string[];
  body?: JsonSchema;
  query?: JsonSchema;
  /** The zod schemas themselves, to tell a generated payload the route would accept from one it would refuse. */
  schemas: RouteSchemas;
  /** The mutations that change something this request carries. */
  mutations: Mutation[];
}

function schemaOf(zodSchema: z.ZodType): JsonSchema {
  return z.toJSONSchema(zodSchema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

/**
 * Every method of every route file under /api/v1 and /api/portal, with the schemas its route kit keeps
 * on the handler (lib/http/handler.ts `withSchemas`): a new route is fuzzed without being listed anywhere.
 */
export async function fuzzTargets(): Promise<FuzzTarget[]> {
  const out: FuzzTarget[] = [];
  for (const route of routeFiles().filter((r) => /^\/api\/(v1|portal)\//.test(r.pattern))) {
    const mod = (await import(route.file)) as Record<string, unknown>;
    for (const method of METHODS) {
      const handler = mod[method] as ({ schemas?: RouteSchemas } & ((...a: unknown[]) => unknown)) | undefined;
      if (typeof handler !== "function") continue;
      const { body, query } = handler.schemas ?? {};
      const mutations: Mutation[] = ["none", ...(body ? BODY_MUTATIONS : []), ...(query ? QUERY_MUTATIONS : []), ...(route.params.length ? PATH_MUTATIONS : [])];
      out.push({
        label: `${method} ${route.pattern}`,
        via: route.pattern.startsWith("/api/portal/") ? "portal" : "api",
        method,
        pattern: route.pattern,
        params: route.params,
        body: body ? schemaOf(body) : undefined,
        query: query ? schemaOf(query) : undefined,
        schemas: { body, query },
        mutations: [...new Set(mutations)],
      });
    }
  }
  return out;
}
