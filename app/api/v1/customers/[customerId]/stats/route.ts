import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { customerStats, customerStatsQuerySchema } from "@/lib/workflows/events/customer-stats";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /customers/:customerId/stats – revenue, costs and margin per asset and currency (?from&to)
  GET: apiRoute({ query: customerStatsQuerySchema }, async ({ db, scope, params, query }) => {
    return json(await customerStats(db, scope, params.customerId!, query));
  }),
});
