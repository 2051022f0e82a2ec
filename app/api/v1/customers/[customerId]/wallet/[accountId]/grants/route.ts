import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { page } from "@/lib/api/pagination";
import { pageQuerySchema } from "@/lib/api/page-query";
import { json } from "@/lib/api/respond";
import { getCustomerOrThrow } from "@/lib/customers/customer-store";
import { listAccountGrants } from "@/lib/grants/list-grants";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /customers/:customerId/wallet/:accountId/grants – the account's credit grants, live ones first in consumption order
  GET: apiRoute({ query: pageQuerySchema }, async ({ db, scope, params, query }) => {
    const customer = await getCustomerOrThrow(db, scope, params.customerId!);
    const { items, total } = await listAccountGrants(db, { ...scope, customerId: customer.id }, params.accountId!, query);
    return json(page(items, total, query.limit, query.offset));
  }),
});
