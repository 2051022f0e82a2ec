import { json } from "@/lib/http/respond";
import { getTopUpView } from "@/lib/domain/payments/top-ups/portal-view";
import { portalRoute } from "@/lib/http/portal-route";

// GET /api/portal/top-ups/:topUpId – one of the customer's top-ups (status and receipt)
export const GET = portalRoute({}, async ({ db, scope, params }) => json(await getTopUpView(db, scope, params.topUpId!)));
