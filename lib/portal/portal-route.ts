import type { z } from "zod";
import { errorResponse, withSchemas } from "@/lib/api/handler";
import { parsePathParams, parseQuery, readJsonBody, validate } from "@/lib/api/parse";
import { BODY_LIMITS } from "@/lib/api/read-body";
import { getDb, type Db } from "@/lib/db";
import { getReadDb } from "@/lib/db/replica";
import type { CustomerScope } from "@/lib/scope";
import { sessionIdFromCookieHeader } from "./cookie";
import { csrfProblem } from "./csrf";
import { wantsPrimary, withReadPrimary } from "./read-primary";
import { readSession } from "./sessions";

export interface PortalApiContext<B, Q> {
  req: Request;
  url: URL;
  db: Db;
  /** For read models: the read replica when there is one (and the customer changed nothing lately), else `db`. */
  readDb: Db;
  scope: CustomerScope;
  sessionId: string;
  returnUrl: string;
  failureUrl: string;
  params: Record<string, string>;
  body: B;
  query: Q;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

const PROBLEM = { "content-type": "application/problem+json; charset=utf-8", "cache-control": "no-store" };

function refuse(status: 401 | 403, detail: string, extra: Record<string, unknown> = {}): Response {
  const title = status === 401 ? "Unauthorized" : "Forbidden";
  return new Response(JSON.stringify({ title, status, detail, ...extra }), { status, headers: PROBLEM });
}

/**
 * Wraps an /api/portal route: the session cookie selects exactly one customer; mutations must pass
 * the CSRF check first. An expired session answers 401 with the failure_url to leave for.
 */
export function portalRoute<BS extends z.ZodType | undefined = undefined, QS extends z.ZodType | undefined = undefined>(
  spec: { body?: BS; query?: QS; mutation?: boolean },
  handler: (ctx: PortalApiContext<Out<BS>, Out<QS>>) => Promise<Response>,
) {
  return withSchemas(async (req: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> => {
    const url = new URL(req.url);
    try {
      if (spec.mutation) {
        const problem = csrfProblem(req);
        if (problem) return refuse(403, problem);
      }
      const db = await getDb();
      const sessionId = sessionIdFromCookieHeader(req.headers.get("cookie"));
      const state = await readSession(db, sessionId);
      if (state.kind === "expired") return refuse(401, "Your session has ended.", { failure_url: state.failureUrl });
      if (state.kind === "none" || !sessionId) return refuse(401, "Not signed in.");
      const params = parsePathParams(context?.params ? await context.params : {});
      const body = (spec.body ? validate(spec.body, await readJsonBody(req, BODY_LIMITS.portal)) : undefined) as Out<BS>;
      const query = (spec.query ? parseQuery(url, spec.query) : undefined) as Out<QS>;
      const readDb = spec.mutation ? db : await getReadDb(wantsPrimary(req.headers.get("cookie")));
      const response = await handler({
        req, url, db, readDb, scope: state.scope, sessionId, returnUrl: state.returnUrl, failureUrl: state.failureUrl, params, body, query,
      });
      return spec.mutation ? withReadPrimary(response) : response;
    } catch (error) {
      return errorResponse(error, url.pathname);
    }
  }, spec);
}
