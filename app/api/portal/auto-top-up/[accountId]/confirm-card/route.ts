import { json } from "@/lib/api/respond";
import { startCardSetup } from "@/lib/payments/cards/manage-cards";
import { portalRoute } from "@/lib/portal/portal-route";
import { parseAccountId } from "@/lib/wallet/account-id";

// POST /api/portal/auto-top-up/:accountId/confirm-card – confirm the card the bank asked about (returns the Checkout URL)
export const POST = portalRoute({ mutation: true }, async ({ db, scope, params }) => {
  return json({ redirect_url: await startCardSetup(db, scope, parseAccountId(params.accountId!)) }, 201);
});
