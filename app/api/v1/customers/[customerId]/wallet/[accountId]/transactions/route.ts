import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { page } from "@/lib/api/pagination";
import { pageQuerySchema } from "@/lib/api/page-query";
import { json } from "@/lib/api/respond";
import { getCustomerOrThrow } from "@/lib/customers/customer-store";
import { listAccountTransactions } from "@/lib/wallet/list-account-transactions";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /customers/:customerId/wallet/:accountId/transactions – the account's movements, newest first
  GET: apiRoute({ query: pageQuerySchema }, async ({ db, scope, params, query }) => {
    const customer = await getCustomerOrThrow(db, scope, params.customerId!);
    const { items, total } = await listAccountTransactions(db, { ...scope, customerId: customer.id }, params.accountId!, query);
    return json(page(items, total, query.limit, query.offset));
  }),
});
