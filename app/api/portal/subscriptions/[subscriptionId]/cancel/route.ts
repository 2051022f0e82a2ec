import { json } from "@/lib/api/respond";
import { portalRoute } from "@/lib/portal/portal-route";
import { setCancelAtPeriodEnd } from "@/lib/subscriptions/manage";
import { planOverview } from "@/lib/subscriptions/portal-plan";
import { cancelAtPeriodEndSchema } from "@/lib/subscriptions/schemas";

// POST /api/portal/subscriptions/:subscriptionId/cancel – cancel at period end ({cancel: true, reason?}) or undo it ({cancel: false})
export const POST = portalRoute({ mutation: true, body: cancelAtPeriodEndSchema }, async ({ db, scope, params, body }) => {
  await setCancelAtPeriodEnd(db, scope, params.subscriptionId!, body.cancel, body.reason ?? null);
  return json(await planOverview(db, scope));
});
