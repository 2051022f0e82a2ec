import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { json } from "@/lib/api/respond";
import { createAdjustmentSchema } from "@/lib/wallet/adjustment-schema";
import { createAdjustment } from "@/lib/wallet/create-adjustment";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // POST /customers/:customerId/wallet/adjustments – credit or debit a wallet account (idempotent by transaction_id)
  POST: apiRoute({ body: createAdjustmentSchema }, async ({ db, scope, params, body }) => {
    const result = await createAdjustment(db, scope, params.customerId!, body);
    return json(
      { id: result.id, created_at: result.createdAt.toISOString() },
      201,
      result.replayed ? { "idempotent-replayed": "true" } : {},
    );
  }),
});
