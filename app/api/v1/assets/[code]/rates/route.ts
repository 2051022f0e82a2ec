import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { addAssetRate } from "@/lib/domain/assets/create-asset";
import { rateInputSchema } from "@/lib/domain/assets/schemas";
import { serializeAsset } from "@/lib/domain/assets/serialize";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // POST /assets/:code/rates – add an exchange rate, effective now or at effective_at
  POST: apiRoute({ body: rateInputSchema }, async ({ db, scope, params, body }) => {
    return json(serializeAsset(await addAssetRate(db, scope, params.code!, body)), 201);
  }),
});
