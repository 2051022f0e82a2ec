import { json } from "@/lib/api/respond";
import { portalRoute } from "@/lib/portal/portal-route";
import { switchPlan } from "@/lib/subscriptions/manage";
import { planOverview } from "@/lib/subscriptions/portal-plan";
import { switchPlanSchema } from "@/lib/subscriptions/schemas";

// POST /api/portal/subscriptions/:subscriptionId/switch – change plan at the next renewal (no proration)
export const POST = portalRoute({ mutation: true, body: switchPlanSchema }, async ({ db, scope, params, body }) => {
  await switchPlan(db, scope, params.subscriptionId!, body.code);
  return json(await planOverview(db, scope));
});
