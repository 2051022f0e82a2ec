import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { page } from "@/lib/kernel/fields/pagination";
import { pageQuerySchema } from "@/lib/kernel/fields/page-query";
import { json } from "@/lib/http/respond";
import { getCustomerOrThrow } from "@/lib/domain/customers/customer-store";
import { listEmailDeliveries } from "@/lib/domain/notifications/list";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /customers/:customerId/emails – the emails Billfold sent (or holds) for this customer, newest first
  GET: apiRoute({ query: pageQuerySchema }, async ({ db, scope, params, query }) => {
    const customer = await getCustomerOrThrow(db, scope, params.customerId!);
    const { items, total } = await listEmailDeliveries(db, scope, { customerId: customer.id }, query);
    return json(page(items, total, query.limit, query.offset));
  }),
});
