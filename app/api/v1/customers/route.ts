import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { page } from "@/lib/kernel/fields/pagination";
import { json } from "@/lib/http/respond";
import { createCustomer } from "@/lib/workflows/subscriptions/create-customer";
import { getCustomerByExternalIdOrThrow, listCustomers } from "@/lib/domain/customers/customer-store";
import { createCustomerSchema, listCustomersQuerySchema } from "@/lib/domain/customers/schemas";
import { customerView, customerViews } from "@/lib/workflows/subscriptions/customer-view";
import { validate } from "@/lib/http/parse";
import { pageQuerySchema } from "@/lib/kernel/fields/page-query";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // POST /customers – create a customer (and subscribe it to products)
  POST: apiRoute({ body: createCustomerSchema }, async ({ db, scope, body }) => {
    const row = await createCustomer(db, scope, body);
    return json(await customerView(db, scope, row), 201);
  }),

  // GET /customers – list customers, or ?external_id= for one customer
  GET: apiRoute({ query: listCustomersQuerySchema }, async ({ db, scope, query }) => {
    if (query.external_id !== undefined) {
      const row = await getCustomerByExternalIdOrThrow(db, scope, query.external_id);
      return json(await customerView(db, scope, row));
    }
    const { limit, offset } = validate(pageQuerySchema, query);
    const { rows, total } = await listCustomers(db, scope, { limit, offset });
    return json(page(await customerViews(db, scope, rows), total, limit, offset));
  }),
});
