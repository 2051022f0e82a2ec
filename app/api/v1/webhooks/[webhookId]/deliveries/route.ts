import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { page } from "@/lib/kernel/fields/pagination";
import { pageQuerySchema } from "@/lib/kernel/fields/page-query";
import { json } from "@/lib/http/respond";
import { listDeliveries } from "@/lib/domain/outbound-webhooks/deliveries";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /webhooks/:webhookId/deliveries – the delivery log: every event, its attempts and outcome
  GET: apiRoute({ query: pageQuerySchema }, async ({ db, scope, params, query }) => {
    const { items, total } = await listDeliveries(db, scope, params.webhookId!, query);
    return json(page(items, total, query.limit, query.offset));
  }),
});
