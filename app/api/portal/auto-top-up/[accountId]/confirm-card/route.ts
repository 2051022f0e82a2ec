import { json } from "@/lib/http/respond";
import { startCardSetup } from "@/lib/domain/payments/cards/manage-cards";
import { portalRoute } from "@/lib/http/portal-route";
import { ownAccountRef } from "@/lib/domain/wallet/get-wallet";

// POST /api/portal/auto-top-up/:accountId/confirm-card – confirm the card the bank asked about (returns the Checkout URL)
export const POST = portalRoute({ mutation: true }, async ({ db, scope, params }) => {
  return json({ redirect_url: await startCardSetup(db, scope, await ownAccountRef(db, scope, params.accountId!)) }, 201);
});
