import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { page } from "@/lib/kernel/fields/pagination";
import { pageQuerySchema } from "@/lib/kernel/fields/page-query";
import { json } from "@/lib/http/respond";
import { listEmailDeliveries } from "@/lib/domain/notifications/list";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /email-deliveries – every customer email of the platform and how its delivery went, newest first
  GET: apiRoute({ query: pageQuerySchema }, async ({ db, scope, query }) => {
    const { items, total } = await listEmailDeliveries(db, scope, {}, query);
    return json(page(items, total, query.limit, query.offset));
  }),
});
