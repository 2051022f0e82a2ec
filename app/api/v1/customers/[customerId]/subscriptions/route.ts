import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { json } from "@/lib/api/respond";
import { addSubscription } from "@/lib/catalog/add-subscription";
import { listSubscriptionViews } from "@/lib/catalog/subscription-view";
import { getCustomerOrThrow } from "@/lib/customers/customer-store";
import { subscriptionRequestSchema } from "@/lib/customers/schemas";

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
