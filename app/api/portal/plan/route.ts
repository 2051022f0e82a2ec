import { json } from "@/lib/api/respond";
import { portalRoute } from "@/lib/portal/portal-route";
import { planOverview } from "@/lib/subscriptions/portal-plan";

// GET /api/portal/plan – the signed-in customer's plan and the platform's published plans
export const GET = portalRoute({}, async ({ readDb: db, scope }) => json(await planOverview(db, scope)));
