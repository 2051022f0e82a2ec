import { MethodNotAllowedError } from "@/lib/kernel/errors";
import { problem } from "./respond";

/** The methods every /api/v1 route module exports, so none is left to Next's empty 405. */
export const API_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type ApiMethod = (typeof API_METHODS)[number];

type NextContext = { params: Promise<Record<string, string | string[]>> };
export type RouteHandler = (req: Request, context: NextContext) => Promise<Response>;

const ALLOW = new WeakMap<object, string[]>();

/** The methods a route module implements, read from its OPTIONS handler; null when apiRoutes did not make it. */
export function allowOf(options: unknown): string[] | null {
  return typeof options === "function" ? (ALLOW.get(options) ?? null) : null;
}

/**
 * A route module's exports: the handlers it implements, and for every other method a problem+json
 * 405 with an `Allow` header. OPTIONS answers 204 with the same `Allow`; HEAD follows GET (Next.js).
 * No key is needed for either: which methods a path takes is public in the OpenAPI document.
 */
export function apiRoutes(handlers: Partial<Record<ApiMethod, RouteHandler>>): Record<ApiMethod | "OPTIONS", RouteHandler> {
  const implemented: string[] = API_METHODS.filter((m) => handlers[m] !== undefined);
  if (handlers.GET) implemented.push("HEAD");
  const allow = [...implemented, "OPTIONS"].sort().join(", ");
  const notAllowed: RouteHandler = async (req) => problem(new MethodNotAllowedError(req.method, allow), new URL(req.url).pathname);
  const routes = Object.fromEntries(API_METHODS.map((m) => [m, handlers[m] ?? notAllowed])) as Record<ApiMethod, RouteHandler>;
  const OPTIONS: RouteHandler = async () => new Response(null, { status: 204, headers: { allow } });
  ALLOW.set(OPTIONS, allow.split(", "));
  return { ...routes, OPTIONS };
}
