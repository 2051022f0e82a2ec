import { json } from "@/lib/http/respond";
import { autoTopUpOverview } from "@/lib/domain/payments/auto-top-up/view";
import { portalRoute } from "@/lib/http/portal-route";

// GET /api/portal/auto-top-up – every wallet account's auto top-up settings and attempt log
export const GET = portalRoute({}, async ({ db, scope }) => json(await autoTopUpOverview(db, scope)));
