import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { json } from "@/lib/api/respond";
import { addAssetRate } from "@/lib/assets/create-asset";
import { rateInputSchema } from "@/lib/assets/schemas";
import { serializeAsset } from "@/lib/assets/serialize";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // POST /assets/:code/rates – add an exchange rate, effective now or at effective_at
  POST: apiRoute({ body: rateInputSchema }, async ({ db, scope, params, body }) => {
    return json(serializeAsset(await addAssetRate(db, scope, params.code!, body)), 201);
  }),
});
