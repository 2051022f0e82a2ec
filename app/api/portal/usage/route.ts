import { json } from "@/lib/api/respond";
import { timeZoneOf } from "@/lib/portal/locale";
import { portalRoute } from "@/lib/portal/portal-route";
import { usageFiltersSchema } from "@/lib/wallet/usage/filters";
import { listUsage } from "@/lib/wallet/usage/list-usage";

// GET /api/portal/usage – a page of the signed-in customer's usage records (keyset cursor)
export const GET = portalRoute({ query: usageFiltersSchema }, async ({ req, readDb: db, scope, query }) => {
  return json(await listUsage(db, scope, query, timeZoneOf(req)));
});
