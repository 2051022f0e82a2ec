import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { page } from "@/lib/api/pagination";
import { pageQuerySchema } from "@/lib/api/page-query";
import { json } from "@/lib/api/respond";
import { listDeliveries } from "@/lib/webhooks/deliveries";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /webhooks/:webhookId/deliveries – the delivery log: every event, its attempts and outcome
  GET: apiRoute({ query: pageQuerySchema }, async ({ db, scope, params, query }) => {
    const { items, total } = await listDeliveries(db, scope, params.webhookId!, query);
    return json(page(items, total, query.limit, query.offset));
  }),
});
