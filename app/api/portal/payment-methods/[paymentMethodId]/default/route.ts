import { json } from "@/lib/http/respond";
import { makeDefaultCard } from "@/lib/domain/payments/cards/manage-cards";
import { portalRoute } from "@/lib/http/portal-route";

// POST /api/portal/payment-methods/:paymentMethodId/default – make this saved card the default
export const POST = portalRoute({ mutation: true }, async ({ db, scope, params }) => {
  await makeDefaultCard(db, scope, params.paymentMethodId!);
  return json({ default: params.paymentMethodId });
});
