import { json } from "@/lib/http/respond";
import { portalRoute } from "@/lib/http/portal-route";
import { planOverview } from "@/lib/workflows/subscriptions/portal-plan";
import { subscribeInPortal } from "@/lib/workflows/subscriptions/portal-subscribe";
import { subscribePlanSchema } from "@/lib/workflows/subscriptions/schemas";

// GET /api/portal/plan – the signed-in customer's plan and the platform's published plans
export const GET = portalRoute({}, async ({ readDb: db, scope }) => json(await planOverview(db, scope)));

// POST /api/portal/plan – take a published plan; answers with the Checkout page for its first period
export const POST = portalRoute({ mutation: true, body: subscribePlanSchema }, async ({ db, scope, body }) =>
  json(await subscribeInPortal(db, scope, body.code), 201),
);
