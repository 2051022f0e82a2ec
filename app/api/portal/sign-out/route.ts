import { json } from "@/lib/http/respond";
import { clearedSessionCookie } from "@/lib/domain/portal-sessions/cookie";
import { portalRoute } from "@/lib/http/portal-route";
import { endSession } from "@/lib/domain/portal-sessions/sessions";

// POST /api/portal/sign-out – end the session; the client then leaves for return_url
export const POST = portalRoute({ mutation: true }, async ({ db, sessionId, returnUrl }) => {
  await endSession(db, sessionId);
  return json({ return_url: returnUrl }, 200, { "set-cookie": clearedSessionCookie() });
});
