import { json } from "@/lib/api/respond";
import { cancelTopUp } from "@/lib/payments/top-ups/cancel";
import { getTopUpView } from "@/lib/payments/top-ups/portal-view";
import { portalRoute } from "@/lib/portal/portal-route";

// POST /api/portal/top-ups/:topUpId/cancel – the customer left Checkout: close it so it can't be paid later
export const POST = portalRoute({ mutation: true }, async ({ db, scope, params }) => {
  await cancelTopUp(db, scope, params.topUpId!);
  return json(await getTopUpView(db, scope, params.topUpId!));
});
