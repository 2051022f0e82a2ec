import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { getCustomerOrThrow } from "@/lib/domain/customers/customer-store";
import { customerView } from "@/lib/workflows/subscriptions/customer-view";
import { updateCustomer, updateCustomerSchema } from "@/lib/domain/customers/customer-billing";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /customers/:customerId – one customer with its subscriptions
  GET: apiRoute({}, async ({ db, scope, params }) => {
    const row = await getCustomerOrThrow(db, scope, params.customerId!);
    return json(await customerView(db, scope, row));
  }),

  // PATCH /customers/:customerId – Billfold extension: set the billing details invoices name the customer by
  PATCH: apiRoute({ body: updateCustomerSchema }, async ({ db, scope, params, body }) => {
    return json(await customerView(db, scope, await updateCustomer(db, scope, params.customerId!, body)));
  }),
});
