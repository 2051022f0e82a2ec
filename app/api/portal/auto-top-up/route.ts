import { json } from "@/lib/api/respond";
import { autoTopUpOverview } from "@/lib/payments/auto-top-up/view";
import { portalRoute } from "@/lib/portal/portal-route";

// GET /api/portal/auto-top-up – every wallet account's auto top-up settings and attempt log
export const GET = portalRoute({}, async ({ db, scope }) => json(await autoTopUpOverview(db, scope)));
