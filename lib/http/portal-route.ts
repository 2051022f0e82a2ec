import type { z } from "zod";
import { errorResponse, withSchemas } from "@/lib/http/handler";
import { parsePathParams, parseQuery, readJsonBody, validate } from "@/lib/http/parse";
import { BODY_LIMITS } from "@/lib/http/read-body";
import { getDb, type Db } from "@/lib/kernel/db";
import type { CustomerScope } from "@/lib/kernel/scope";
import { sessionIdFromCookieHeader } from "@/lib/domain/portal-sessions/cookie";
import { csrfProblem } from "./csrf";
import { readSession } from "@/lib/domain/portal-sessions/sessions";

export interface PortalApiContext<B, Q> {
  req: Request;
  url: URL;
  db: Db;
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
      return await handler({
        req, url, db, scope: state.scope, sessionId, returnUrl: state.returnUrl, failureUrl: state.failureUrl, params, body, query,
      });
    } catch (error) {
      return errorResponse(error, url.pathname);
    }
  }, spec);
}
