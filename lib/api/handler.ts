import type { z } from "zod";
import { getDb, type Db } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { requestScope } from "@/lib/accounts/act-as";
import { AppError, DatabaseUnavailableError } from "@/lib/errors";
import { faultPoint } from "@/lib/faults";
import { log } from "@/lib/log";
import { apiKeyFromHeaders, authenticateApiKey, hashApiKey } from "@/lib/platforms/api-keys";
import { clientAddress, enforceRateLimit } from "@/lib/rate-limit";
import type { PlatformScope } from "@/lib/scope";
import { DEFAULT_MAX_BODY_BYTES, parsePathParams, parseQuery, readJsonBody, validate } from "./parse";
import { refuseDeclaredOversize } from "./read-body";
import { internalError, problem, unauthorized } from "./respond";

export interface ApiContext<B, Q> {
  req: Request;
  url: URL;
  db: Db;
  scope: PlatformScope;
  params: Record<string, string>;
  body: B;
  query: Q;
}

interface RouteSpec<BS extends z.ZodType | undefined, QS extends z.ZodType | undefined> {
  body?: BS;
  query?: QS;
  maxBodyBytes?: number;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

type NextContext = { params: Promise<Record<string, string | string[]>> };

/** The schemas a route validates with, kept on its handler so tools (the input fuzzer) find every route's shapes. */
export interface RouteSchemas {
  body?: z.ZodType;
  query?: z.ZodType;
}

export function withSchemas<F extends object>(handler: F, schemas: RouteSchemas): F & { schemas: RouteSchemas } {
  return Object.assign(handler, { schemas: { body: schemas.body, query: schemas.query } });
}

/**
 * Wraps a /api/v1 route: authenticates the API key, parses body and query with their zod schemas,
 * and turns every error into problem+json. Unknown errors are logged and answered with a fixed 500.
 */
export function apiRoute<BS extends z.ZodType | undefined = undefined, QS extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<BS, QS>,
  handler: (ctx: ApiContext<Out<BS>, Out<QS>>) => Promise<Response>,
) {
  return withSchemas(async (req: Request, context: NextContext): Promise<Response> => {
    const url = new URL(req.url);
    try {
      if (spec.body) refuseDeclaredOversize(req, spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
      const db = await getDb();
      const key = apiKeyFromHeaders(req.headers);
      const keyScope = key ? await authenticateApiKey(db, key) : null;
      if (!keyScope) {
        await enforceRateLimit("bad-key", clientAddress(req.headers));
        return unauthorized();
      }
      await enforceRateLimit("api", hashApiKey(key!).slice(0, 24));
      const scope = await requestScope(db, keyScope, req.headers);
      const params = parsePathParams(context?.params ? await context.params : {});
      const body = (spec.body ? validate(spec.body, await readJsonBody(req, spec.maxBodyBytes)) : undefined) as Out<BS>;
      const query = (spec.query ? parseQuery(url, spec.query) : undefined) as Out<QS>;
      const response = await handler({ req, url, db, scope, params, body, query });
      // A write committed but its answer lost on the way: the client's retry must change nothing.
      if (req.method !== "GET" && response.ok) faultPoint("after-commit-before-response");
      return response;
    } catch (error) {
      return errorResponse(error, url.pathname);
    }
  }, spec);
}

/** The one place an error becomes a response: domain errors by the error table, an unreachable database 503, the rest 500. */
export function errorResponse(error: unknown, instance?: string): Response {
  if (error instanceof AppError) return problem(error, instance);
  if (isDatabaseUnavailable(error)) {
    log.warn("database unavailable", { instance, error });
    return problem(new DatabaseUnavailableError(), instance);
  }
  log.error("unhandled error", { instance, error });
  return internalError(instance);
}
