import { json } from "@/lib/http/respond";
import { cancelTopUp } from "@/lib/domain/payments/top-ups/cancel";
import { getTopUpView } from "@/lib/domain/payments/top-ups/portal-view";
import { portalRoute } from "@/lib/http/portal-route";

// POST /api/portal/top-ups/:topUpId/cancel – the customer left Checkout: close it so it can't be paid later
export const POST = portalRoute({ mutation: true }, async ({ db, scope, params }) => {
  await cancelTopUp(db, scope, params.topUpId!);
  return json(await getTopUpView(db, scope, params.topUpId!));
});
