import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { json } from "@/lib/api/respond";
import { customerStats, customerStatsQuerySchema } from "@/lib/events/customer-stats";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /customers/:customerId/stats – revenue, costs and margin per asset and currency (?from&to)
  GET: apiRoute({ query: customerStatsQuerySchema }, async ({ db, scope, params, query }) => {
    return json(await customerStats(db, scope, params.customerId!, query));
  }),
});
