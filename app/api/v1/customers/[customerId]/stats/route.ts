import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { customerStats, customerStatsQuerySchema } from "@/lib/events/customer-stats";

// GET /customers/:customerId/stats – revenue, costs and margin per asset and currency (?from&to)
export const GET = apiRoute({ query: customerStatsQuerySchema }, async ({ db, scope, params, query }) => {
  return json(await customerStats(db, scope, params.customerId!, query));
});
