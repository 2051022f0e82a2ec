import { json } from "@/lib/api/respond";
import { makeDefaultCard } from "@/lib/payments/cards/manage-cards";
import { portalRoute } from "@/lib/portal/portal-route";

// POST /api/portal/payment-methods/:paymentMethodId/default – make this saved card the default
export const POST = portalRoute({ mutation: true }, async ({ db, scope, params }) => {
  await makeDefaultCard(db, scope, params.paymentMethodId!);
  return json({ default: params.paymentMethodId });
});
