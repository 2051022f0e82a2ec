import { json } from "@/lib/api/respond";
import { portalRoute } from "@/lib/portal/portal-route";
import { balanceViews } from "@/lib/wallet/balance-views";

// GET /api/portal/balances – the signed-in customer's balances
export const GET = portalRoute({}, async ({ readDb: db, scope }) => json(await balanceViews(db, scope)));
