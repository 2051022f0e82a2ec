import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { page } from "@/lib/kernel/fields/pagination";
import { pageQuerySchema } from "@/lib/kernel/fields/page-query";
import { json } from "@/lib/http/respond";
import { getCustomerOrThrow } from "@/lib/domain/customers/customer-store";
import { createHold } from "@/lib/domain/guardrails/holds";
import { listHolds, serializeHold } from "@/lib/domain/guardrails/hold-views";
import { createHoldSchema } from "@/lib/domain/guardrails/schemas";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // POST /customers/:customerId/wallet/holds – reserve funds before expensive work (409 insufficient_funds / budget_exceeded)
  POST: apiRoute({ body: createHoldSchema }, async ({ req, db, scope, params, body }) => {
    const { hold, replayed } = await createHold(db, scope, params.customerId!, body, req.headers.get("idempotency-key"));
    return json(serializeHold(hold), 201, replayed ? { "idempotent-replayed": "true" } : {});
  }),
  // GET /customers/:customerId/wallet/holds – the customer's holds, newest first
  GET: apiRoute({ query: pageQuerySchema }, async ({ db, scope, params, query }) => {
    const customer = await getCustomerOrThrow(db, scope, params.customerId!);
    const { items, total } = await listHolds(db, { ...scope, customerId: customer.id }, query);
    return json(page(items.map(serializeHold), total, query.limit, query.offset));
  }),
});
