import { json } from "@/lib/http/respond";
import { listOrders } from "@/lib/domain/payments/top-ups/portal-view";
import { portalRoute } from "@/lib/http/portal-route";

// GET /api/portal/orders – everything the signed-in customer paid: top-ups and subscription charges
export const GET = portalRoute({}, async ({ readDb: db, scope }) => json({ items: await listOrders(db, scope) }));
