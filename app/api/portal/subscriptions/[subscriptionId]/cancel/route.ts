import { json } from "@/lib/http/respond";
import { portalRoute } from "@/lib/http/portal-route";
import { setCancelAtPeriodEnd } from "@/lib/workflows/subscriptions/manage";
import { planOverview } from "@/lib/workflows/subscriptions/portal-plan";
import { cancelAtPeriodEndSchema } from "@/lib/workflows/subscriptions/schemas";

// POST /api/portal/subscriptions/:subscriptionId/cancel – cancel at period end ({cancel: true, reason?}) or undo it ({cancel: false})
export const POST = portalRoute({ mutation: true, body: cancelAtPeriodEndSchema }, async ({ db, scope, params, body }) => {
  await setCancelAtPeriodEnd(db, scope, params.subscriptionId!, body.cancel, body.reason ?? null);
  return json(await planOverview(db, scope));
});
