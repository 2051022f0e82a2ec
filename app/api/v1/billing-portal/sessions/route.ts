import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { json } from "@/lib/api/respond";
import { createPortalLink } from "@/lib/portal/create-session-link";
import { createPortalSessionSchema } from "@/lib/portal/session-schema";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // POST /billing-portal/sessions – a single-use, 10-minute sign-in link for one customer
  POST: apiRoute({ body: createPortalSessionSchema }, async ({ db, scope, body }) => {
    const link = await createPortalLink(db, scope, body);
    return json({ redirect_url: link.redirectUrl, expires_at: link.expiresAt.toISOString() }, 201);
  }),
});
