import { json } from "@/lib/http/respond";
import { timeZoneOf } from "@/lib/workflows/portal/locale";
import { portalRoute } from "@/lib/http/portal-route";
import { portalLaneSpend, spendLanesQuerySchema } from "@/lib/workflows/wallet/spend/lanes/portal-lane-spend";

// GET /api/portal/spend/lanes – the signed-in customer's spend split by a lane their platform marked visible
export const GET = portalRoute({ query: spendLanesQuerySchema }, async ({ req, readDb: db, scope, query }) => {
  return json(await portalLaneSpend(db, scope, query, timeZoneOf(req)));
});
