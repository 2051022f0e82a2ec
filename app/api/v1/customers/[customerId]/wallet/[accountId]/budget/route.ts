import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { getCustomerOrThrow } from "@/lib/domain/customers/customer-store";
import { getBudget, putBudget, serializeBudget } from "@/lib/domain/guardrails/budgets";
import { putBudgetSchema } from "@/lib/domain/guardrails/schemas";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /customers/:customerId/wallet/:accountId/budget – the account's budget and this period's spend and holds
  GET: apiRoute({}, async ({ db, scope, params }) => {
    const customer = await getCustomerOrThrow(db, scope, params.customerId!);
    return json(serializeBudget(await getBudget(db, { ...scope, customerId: customer.id }, params.accountId!)));
  }),
  // PUT /customers/:customerId/wallet/:accountId/budget – set the budget (limit null removes it)
  PUT: apiRoute({ body: putBudgetSchema }, async ({ db, scope, params, body }) => {
    const customer = await getCustomerOrThrow(db, scope, params.customerId!);
    return json(serializeBudget(await putBudget(db, { ...scope, customerId: customer.id }, params.accountId!, body, "platform")));
  }),
});
