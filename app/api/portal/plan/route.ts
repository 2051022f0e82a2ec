import { json } from "@/lib/http/respond";
import { portalRoute } from "@/lib/http/portal-route";
import { planOverview } from "@/lib/workflows/subscriptions/portal-plan";

// GET /api/portal/plan – the signed-in customer's plan and the platform's published plans
export const GET = portalRoute({}, async ({ db, scope }) => json(await planOverview(db, scope)));
