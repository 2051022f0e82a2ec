import type { z } from "zod";
import { faultPoint } from "@/lib/kernel/faults";
import { requestScope } from "@/lib/domain/accounts/act-as";
import { apiKeyFromHeaders, authenticateApiKey, hashApiKey } from "@/lib/domain/platforms/api-keys";
import { clientAddress, enforceRateLimit } from "@/lib/kernel/rate-limit";
import type { PlatformScope } from "@/lib/kernel/scope";
import { DEFAULT_MAX_BODY_BYTES } from "./parse";
import { refuseDeclaredOversize } from "./read-body";
import { unauthorized } from "./respond";
import { kitRoute, type KitContext, type Out } from "./route-kit";

export type ApiContext<B, Q> = KitContext<B, Q> & { scope: PlatformScope };

interface RouteSpec<BS extends z.ZodType | undefined, QS extends z.ZodType | undefined> {
  body?: BS;
  query?: QS;
  maxBodyBytes?: number;
}

/**
 * Wraps a /api/v1 route in the route kit: authenticates the API key (a missing or bad key is Credyt's
 * bare 401) and rate-limits per key. A write that committed passes a fault point before its answer.
 */
export function apiRoute<BS extends z.ZodType | undefined = undefined, QS extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<BS, QS>,
  handler: (ctx: ApiContext<Out<BS>, Out<QS>>) => Promise<Response>,
) {
  const maxBodyBytes = spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return kitRoute({ ...spec, maxBodyBytes }, {
    admit(req) {
      if (spec.body) refuseDeclaredOversize(req, maxBodyBytes);
    },
    async authenticate(req, db) {
      const key = apiKeyFromHeaders(req.headers);
      const keyScope = key ? await authenticateApiKey(db, key) : null;
      if (!keyScope) {
        await enforceRateLimit("bad-key", clientAddress(req.headers));
        return unauthorized();
      }
      await enforceRateLimit("api", hashApiKey(key!).slice(0, 24));
      return { scope: await requestScope(db, keyScope, req.headers) };
    },
    // A write committed but its answer lost on the way: the client's retry must change nothing.
    answered(req, response) {
      if (req.method !== "GET" && response.ok) faultPoint("after-commit-before-response");
    },
  }, handler);
}
