import { json } from "@/lib/http/respond";
import { saveAutoTopUp } from "@/lib/domain/payments/auto-top-up/save-settings";
import { autoTopUpSettingsSchema } from "@/lib/domain/payments/auto-top-up/schema";
import { portalRoute } from "@/lib/http/portal-route";

// PUT /api/portal/auto-top-up/:accountId – save the settings; switching on needs consent (and may charge at once)
export const PUT = portalRoute({ mutation: true, body: autoTopUpSettingsSchema }, async ({ db, scope, params, body }) => {
  const plan = await saveAutoTopUp(db, scope, params.accountId!, body);
  return json({ saved: true, charge: plan ? { result: plan.kind, reason: "reason" in plan ? plan.reason : null } : null });
});
