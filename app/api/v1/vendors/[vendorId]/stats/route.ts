import { apiRoute } from "@/lib/http/handler";
import { json } from "@/lib/http/respond";
import { apiRoutes } from "@/lib/http/route-methods";
import { customerStatsQuerySchema } from "@/lib/workflows/events/customer-stats";
import { vendorStats } from "@/lib/workflows/events/vendor-stats";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /vendors/:vendorId/stats – the vendor's costs, the events they came with and the revenue those earned (?from&to)
  GET: apiRoute({ query: customerStatsQuerySchema }, async ({ db, scope, params, query }) => {
    return json(await vendorStats(db, scope, params.vendorId!, query));
  }),
});
