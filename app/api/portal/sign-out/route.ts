import { json } from "@/lib/api/respond";
import { clearedSessionCookie } from "@/lib/portal/cookie";
import { portalRoute } from "@/lib/portal/portal-route";
import { endSession } from "@/lib/portal/sessions";

// POST /api/portal/sign-out – end the session; the client then leaves for return_url
export const POST = portalRoute({ mutation: true }, async ({ db, sessionId, returnUrl }) => {
  await endSession(db, sessionId);
  return json({ return_url: returnUrl }, 200, { "set-cookie": clearedSessionCookie() });
});
