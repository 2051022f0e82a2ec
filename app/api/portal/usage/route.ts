import { json } from "@/lib/http/respond";
import { timeZoneOf } from "@/lib/workflows/portal/locale";
import { portalRoute } from "@/lib/http/portal-route";
import { usageFiltersSchema } from "@/lib/workflows/wallet/usage/filters";
import { listUsage } from "@/lib/workflows/wallet/usage/list-usage";

// GET /api/portal/usage – a page of the signed-in customer's usage records (keyset cursor)
export const GET = portalRoute({ query: usageFiltersSchema }, async ({ req, readDb: db, scope, query }) => {
  return json(await listUsage(db, scope, query, timeZoneOf(req)));
});
