import { json } from "@/lib/http/respond";
import { creditTimeline } from "@/lib/domain/grants/timeline";
import { portalRoute } from "@/lib/http/portal-route";

// GET /api/portal/credits – the signed-in customer's credit grants in consumption order and what expires soon
export const GET = portalRoute({}, async ({ db, scope }) => json(await creditTimeline(db, scope)));
