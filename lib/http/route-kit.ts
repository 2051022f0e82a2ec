import type { z } from "zod";
import { getDb, type Db } from "@/lib/kernel/db";
import { isDatabaseUnavailable } from "@/lib/kernel/db/unavailable";
import { AppError, DatabaseUnavailableError } from "@/lib/kernel/errors";
import { log } from "@/lib/kernel/log";
import { parsePathParams, parseQuery, readJsonBody, validate } from "./parse";
import { internalError, problem } from "./respond";

export type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

type NextContext = { params: Promise<Record<string, string | string[]>> };

/** What every route handler receives; the door adds who is calling (a platform scope or a customer session). */
export interface KitContext<B, Q> {
  req: Request;
  url: URL;
  db: Db;
  params: Record<string, string>;
  body: B;
  query: Q;
}

/** The schemas a route validates with, kept on its handler so tools (the input fuzzer) find every route's shapes. */
export interface RouteSchemas {
  body?: z.ZodType;
  query?: z.ZodType;
}

function withSchemas<F extends object>(handler: F, schemas: RouteSchemas): F & { schemas: RouteSchemas } {
  return Object.assign(handler, { schemas: { body: schemas.body, query: schemas.query } });
}

/** How one family of routes admits a caller: the API by key, the portal by session cookie. */
export interface RouteDoor<A> {
  /** Checks made before the database is touched; throw an AppError to refuse. */
  admit?(req: Request): void;
  /** Who is calling, or the response refusing them. */
  authenticate(req: Request, db: Db): Promise<A | Response>;
  /** Runs after the handler answered. */
  answered?(req: Request, response: Response): void;
}

interface KitSpec<BS extends z.ZodType | undefined, QS extends z.ZodType | undefined> extends RouteSchemas {
  body?: BS;
  query?: QS;
  maxBodyBytes: number;
}

/**
 * The one route kit: admits the caller through its door, parses path, body and query with their zod
 * schemas, and turns every error into problem+json through the error table.
 */
export function kitRoute<A extends object, BS extends z.ZodType | undefined, QS extends z.ZodType | undefined>(
  spec: KitSpec<BS, QS>,
  door: RouteDoor<A>,
  handler: (ctx: KitContext<Out<BS>, Out<QS>> & A) => Promise<Response>,
) {
  return withSchemas(async (req: Request, context: NextContext): Promise<Response> => {
    const url = new URL(req.url);
    try {
      door.admit?.(req);
      const db = await getDb();
      const caller = await door.authenticate(req, db);
      if (caller instanceof Response) return caller;
      const params = parsePathParams(context?.params ? await context.params : {});
      const body = (spec.body ? validate(spec.body, await readJsonBody(req, spec.maxBodyBytes)) : undefined) as Out<BS>;
      const query = (spec.query ? parseQuery(url, spec.query) : undefined) as Out<QS>;
      const response = await handler({ req, url, db, params, body, query, ...caller });
      door.answered?.(req, response);
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
