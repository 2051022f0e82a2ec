import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { getCustomerOrThrow } from "@/lib/domain/customers/customer-store";
import { releaseHold } from "@/lib/domain/guardrails/holds";
import { getHoldOrThrow, serializeHold } from "@/lib/domain/guardrails/hold-views";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /customers/:customerId/wallet/holds/:holdId – one hold and its outcome
  GET: apiRoute({}, async ({ db, scope, params }) => {
    const customer = await getCustomerOrThrow(db, scope, params.customerId!);
    return json(serializeHold(await getHoldOrThrow(db, { ...scope, customerId: customer.id }, params.holdId!)));
  }),
  // DELETE /customers/:customerId/wallet/holds/:holdId – release the reserved funds (a hold already ended is returned as it is)
  DELETE: apiRoute({}, async ({ db, scope, params }) => {
    const customer = await getCustomerOrThrow(db, scope, params.customerId!);
    return json(serializeHold(await releaseHold(db, { ...scope, customerId: customer.id }, params.holdId!)));
  }),
});
