import { json } from "@/lib/http/respond";
import { listCards } from "@/lib/domain/payments/cards/cards";
import { startCardSetup } from "@/lib/domain/payments/cards/manage-cards";
import { portalRoute } from "@/lib/http/portal-route";

// GET /api/portal/payment-methods – the customer's saved cards, default first
export const GET = portalRoute({}, async ({ db, scope }) => {
  const { provider, cards } = await listCards(db, scope);
  return json({ test_mode: provider.kind === "test", cards });
});

// POST /api/portal/payment-methods – start saving a new card (returns the Checkout URL)
export const POST = portalRoute({ mutation: true }, async ({ db, scope }) => {
  return json({ redirect_url: await startCardSetup(db, scope) }, 201);
});
