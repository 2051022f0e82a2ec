import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { createAdjustmentSchema } from "@/lib/workflows/wallet/adjustment-schema";
import { createAdjustment } from "@/lib/workflows/wallet/create-adjustment";

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
