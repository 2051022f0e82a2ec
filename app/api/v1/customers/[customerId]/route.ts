import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { getCustomerOrThrow } from "@/lib/domain/customers/customer-store";
import { customerView } from "@/lib/workflows/subscriptions/customer-view";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /customers/:customerId – one customer with its subscriptions
  GET: apiRoute({}, async ({ db, scope, params }) => {
    const row = await getCustomerOrThrow(db, scope, params.customerId!);
    return json(await customerView(db, scope, row));
  }),
});
