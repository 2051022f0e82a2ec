import { timeZoneOf } from "@/lib/workflows/portal/locale";
import { portalRoute } from "@/lib/http/portal-route";
import { usageCsvResponse } from "@/lib/workflows/wallet/usage/export-csv";
import { usageFiltersSchema } from "@/lib/workflows/wallet/usage/filters";

// GET /api/portal/usage/export – exactly the filtered usage as CSV, with a column per visible lane, streamed
export const GET = portalRoute({ query: usageFiltersSchema }, async ({ req, readDb: db, scope, query }) => {
  return usageCsvResponse(db, scope, query, timeZoneOf(req));
});
