import { json } from "@/lib/api/respond";
import { listOrders } from "@/lib/payments/top-ups/portal-view";
import { portalRoute } from "@/lib/portal/portal-route";

// GET /api/portal/orders – everything the signed-in customer paid: top-ups and subscription charges
export const GET = portalRoute({}, async ({ readDb: db, scope }) => json({ items: await listOrders(db, scope) }));
