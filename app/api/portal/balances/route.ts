import { json } from "@/lib/http/respond";
import { portalRoute } from "@/lib/http/portal-route";
import { balanceViews } from "@/lib/workflows/wallet/balance-views";

// GET /api/portal/balances – the signed-in customer's balances
export const GET = portalRoute({}, async ({ readDb: db, scope }) => json(await balanceViews(db, scope)));
