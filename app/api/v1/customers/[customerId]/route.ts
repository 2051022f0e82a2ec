import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { json } from "@/lib/api/respond";
import { getCustomerOrThrow } from "@/lib/customers/customer-store";
import { customerView } from "@/lib/customers/customer-view";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /customers/:customerId – one customer with its subscriptions
  GET: apiRoute({}, async ({ db, scope, params }) => {
    const row = await getCustomerOrThrow(db, scope, params.customerId!);
    return json(await customerView(db, scope, row));
  }),
});
