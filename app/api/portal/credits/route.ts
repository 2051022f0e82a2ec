import { json } from "@/lib/api/respond";
import { creditTimeline } from "@/lib/grants/timeline";
import { portalRoute } from "@/lib/portal/portal-route";

// GET /api/portal/credits – the signed-in customer's credit grants in consumption order and what expires soon
export const GET = portalRoute({}, async ({ db, scope }) => json(await creditTimeline(db, scope)));
