import { json } from "@/lib/http/respond";
import { createPortalTopUp } from "@/lib/domain/payments/top-ups/create-portal-top-up";
import { recentTopUps } from "@/lib/domain/payments/top-ups/portal-view";
import { portalTopUpSchema } from "@/lib/domain/payments/top-ups/schema";
import { portalRoute } from "@/lib/http/portal-route";

// GET /api/portal/top-ups – the signed-in customer's recent top-ups
export const GET = portalRoute({}, async ({ db, scope }) => json({ items: await recentTopUps(db, scope) }));

// POST /api/portal/top-ups – start a top-up and get the Checkout URL to go to
export const POST = portalRoute({ mutation: true, body: portalTopUpSchema }, async ({ db, scope, body }) => {
  const { id, redirectUrl } = await createPortalTopUp(db, scope, body);
  return json({ id, redirect_url: redirectUrl }, 201);
});
