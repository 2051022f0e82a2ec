import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { allowOf, API_METHODS } from "@/lib/http/route-methods";

export interface RouteFile {
  /** URL pattern such as /api/v1/customers/[customerId]/wallet. */
  pattern: string;
  file: string;
  regex: RegExp;
  params: string[];
  /** Lower sorts first: static segments beat dynamic ones, catch-alls come last. */
  rank: number[];
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (name === "route.ts") out.push(full);
  }
}

/** Every route.ts under app/api, with a matcher built from its folder names. */
export function routeFiles(root = path.join(process.cwd(), "app", "api")): RouteFile[] {
  const files: string[] = [];
  walk(root, files);
  return files
    .map((file) => {
      const segments = path.relative(path.join(process.cwd(), "app"), path.dirname(file)).split(path.sep).filter((s) => !s.startsWith("("));
      const params: string[] = [];
      const parts = segments.map((s) => {
        const catchAll = /^\[\.\.\.(.+)\]$/.exec(s);
        if (catchAll) return params.push(catchAll[1]!), "(.+)";
        const dynamic = /^\[(.+)\]$/.exec(s);
        if (dynamic) return params.push(dynamic[1]!), "([^/]+)";
        return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      });
      return {
        pattern: `/${segments.join("/")}`,
        file,
        regex: new RegExp(`^/${parts.join("/")}$`),
        params,
        rank: segments.map((s) => (s.startsWith("[...") ? 2 : s.startsWith("[") ? 1 : 0)),
      };
    })
    .sort((a, b) => {
      for (let i = 0; i < Math.max(a.rank.length, b.rank.length); i++) {
        const d = (a.rank[i] ?? -1) - (b.rank[i] ?? -1);
        if (d !== 0) return d;
      }
      return 0;
    });
}

/** The methods a route file really implements: its exports, less those apiRoutes answers with 405. */
export async function implementedMethods(file: string): Promise<string[]> {
  const mod = (await import(file)) as Record<string, unknown>;
  const allow = allowOf(mod.OPTIONS);
  return API_METHODS.filter((m) => typeof mod[m] === "function" && (allow === null || allow.includes(m)));
}
