import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { addSubscription } from "@/lib/workflows/subscriptions/add-subscription";
import { listSubscriptionViews } from "@/lib/workflows/subscriptions/subscription-view";
import { getCustomerOrThrow } from "@/lib/domain/customers/customer-store";
import { subscriptionRequestSchema } from "@/lib/domain/customers/schemas";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // POST /customers/:customerId/subscriptions – subscribe an existing customer to products
  POST: apiRoute({ body: subscriptionRequestSchema }, async ({ db, scope, params, body }) => {
    return json(await addSubscription(db, scope, params.customerId!, body), 201);
  }),

  // GET /customers/:customerId/subscriptions – the customer's subscriptions, oldest first
  GET: apiRoute({}, async ({ db, scope, params }) => {
    const customer = await getCustomerOrThrow(db, scope, params.customerId!);
    return json({ items: await listSubscriptionViews(db, scope, customer.id) });
  }),
});
