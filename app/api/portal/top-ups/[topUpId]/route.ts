import { json } from "@/lib/api/respond";
import { getTopUpView } from "@/lib/payments/top-ups/portal-view";
import { portalRoute } from "@/lib/portal/portal-route";

// GET /api/portal/top-ups/:topUpId – one of the customer's top-ups (status and receipt)
export const GET = portalRoute({}, async ({ db, scope, params }) => json(await getTopUpView(db, scope, params.topUpId!)));
