import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { apiRoutes } from "@/lib/api/route-methods";
import { customerStatsQuerySchema } from "@/lib/events/customer-stats";
import { vendorStats } from "@/lib/events/vendor-stats";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /vendors/:vendorId/stats – the vendor's costs, the events they came with and the revenue those earned (?from&to)
  GET: apiRoute({ query: customerStatsQuerySchema }, async ({ db, scope, params, query }) => {
    return json(await vendorStats(db, scope, params.vendorId!, query));
  }),
});
