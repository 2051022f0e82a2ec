import { json } from "@/lib/http/respond";
import { portalRoute } from "@/lib/http/portal-route";
import { switchPlan } from "@/lib/workflows/subscriptions/manage";
import { planOverview } from "@/lib/workflows/subscriptions/portal-plan";
import { switchPlanSchema } from "@/lib/workflows/subscriptions/schemas";

// POST /api/portal/subscriptions/:subscriptionId/switch – change plan at the next renewal (no proration)
export const POST = portalRoute({ mutation: true, body: switchPlanSchema }, async ({ db, scope, params, body }) => {
  await switchPlan(db, scope, params.subscriptionId!, body.code);
  return json(await planOverview(db, scope));
});
