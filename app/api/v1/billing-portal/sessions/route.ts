import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { createPortalLink } from "@/lib/domain/portal-sessions/create-session-link";
import { createPortalSessionSchema } from "@/lib/domain/portal-sessions/session-schema";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // POST /billing-portal/sessions – a single-use, 10-minute sign-in link for one customer
  POST: apiRoute({ body: createPortalSessionSchema }, async ({ db, scope, body }) => {
    const link = await createPortalLink(db, scope, body);
    return json({ redirect_url: link.redirectUrl, expires_at: link.expiresAt.toISOString() }, 201);
  }),
});
