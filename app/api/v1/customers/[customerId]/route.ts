import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { getCustomerOrThrow } from "@/lib/customers/customer-store";
import { customerView } from "@/lib/customers/customer-view";

// GET /customers/:customerId – one customer with its subscriptions
export const GET = apiRoute({}, async ({ db, scope, params }) => {
  const row = await getCustomerOrThrow(db, scope, params.customerId!);
  return json(await customerView(db, scope, row));
});
