import { json } from "@/lib/http/respond";
import { putBudget, serializeBudget } from "@/lib/domain/guardrails/budgets";
import { putBudgetSchema } from "@/lib/domain/guardrails/schemas";
import { portalRoute } from "@/lib/http/portal-route";

// PUT /api/portal/budget/:accountId – the customer sets (or with limit null removes) their budget, within the platform's bounds
export const PUT = portalRoute({ mutation: true, body: putBudgetSchema }, async ({ db, scope, params, body }) => {
  return json(serializeBudget(await putBudget(db, scope, params.accountId!, body, "customer")));
});
