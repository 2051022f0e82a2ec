import type { z } from "zod";
import { ForbiddenError, UnauthorizedError } from "@/lib/kernel/errors";
import type { CustomerScope } from "@/lib/kernel/scope";
import { sessionIdFromCookieHeader } from "@/lib/domain/portal-sessions/cookie";
import { readSession } from "@/lib/domain/portal-sessions/sessions";
import { wantsPrimary, withReadPrimary } from "@/lib/domain/portal-sessions/read-primary";
import type { Db } from "@/lib/kernel/db";
import { getReadDb } from "@/lib/kernel/db/replica";
import { csrfProblem } from "./csrf";
import { BODY_LIMITS } from "./read-body";
import { kitRoute, type KitContext, type Out } from "./route-kit";

export type PortalApiContext<B, Q> = KitContext<B, Q> & {
  scope: CustomerScope;
  sessionId: string;
  returnUrl: string;
  failureUrl: string;
  /** For read models: the read replica when there is one (and the customer changed nothing lately), else `db`. */
  readDb: Db;
};

/**
 * Wraps an /api/portal route in the route kit: the session cookie selects exactly one customer;
 * mutations must pass the CSRF check first (403). An ended session answers 401 with the failure_url
 * to leave for; both through the error table. Reads go to the replica unless the customer just changed something.
 */
export function portalRoute<BS extends z.ZodType | undefined = undefined, QS extends z.ZodType | undefined = undefined>(
  spec: { body?: BS; query?: QS; mutation?: boolean },
  handler: (ctx: PortalApiContext<Out<BS>, Out<QS>>) => Promise<Response>,
) {
  return kitRoute({ body: spec.body, query: spec.query, maxBodyBytes: BODY_LIMITS.portal }, {
    admit(req) {
      const problem = spec.mutation ? csrfProblem(req) : null;
      if (problem) throw new ForbiddenError(problem);
    },
    async authenticate(req, db) {
      const sessionId = sessionIdFromCookieHeader(req.headers.get("cookie"));
      const state = await readSession(db, sessionId);
      if (state.kind === "expired") throw new UnauthorizedError("Your session has ended.", state.failureUrl);
      if (state.kind === "none" || !sessionId) throw new UnauthorizedError("Not signed in.");
      return { scope: state.scope, sessionId, returnUrl: state.returnUrl, failureUrl: state.failureUrl };
    },
  }, async (ctx) => {
    const readDb = spec.mutation ? ctx.db : await getReadDb(wantsPrimary(ctx.req.headers.get("cookie")));
    const response = await handler({ ...ctx, readDb });
    return spec.mutation ? withReadPrimary(response) : response;
  });
}
