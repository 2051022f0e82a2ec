import { json } from "@/lib/http/respond";
import { removeCard } from "@/lib/domain/payments/cards/manage-cards";
import { portalRoute } from "@/lib/http/portal-route";

// DELETE /api/portal/payment-methods/:paymentMethodId – remove a saved card (auto top-up using it switches off)
export const DELETE = portalRoute({ mutation: true }, async ({ db, scope, params }) => {
  await removeCard(db, scope, params.paymentMethodId!);
  return json({ removed: true });
});
