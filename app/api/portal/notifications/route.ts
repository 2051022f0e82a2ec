import { json } from "@/lib/http/respond";
import { emailPreferencesSchema, getEmailPreferences, saveEmailPreferences } from "@/lib/domain/notifications/preferences";
import { portalRoute } from "@/lib/http/portal-route";

// GET /api/portal/notifications – which optional emails the signed-in customer receives, and in which language
export const GET = portalRoute({}, async ({ db, scope }) => json(await getEmailPreferences(db, scope)));

// PUT /api/portal/notifications – the customer turns optional emails on or off
export const PUT = portalRoute({ body: emailPreferencesSchema, mutation: true }, async ({ db, scope, body }) => {
  return json(await saveEmailPreferences(db, scope, body));
});
