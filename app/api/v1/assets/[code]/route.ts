import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { json } from "@/lib/api/respond";
import { getAssetOrThrow } from "@/lib/assets/find-asset";
import { serializeAsset } from "@/lib/assets/serialize";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /assets/:code – a custom asset, or a built-in fiat currency
  GET: apiRoute({}, async ({ db, scope, params }) => {
    return json(serializeAsset(await getAssetOrThrow(db, scope, params.code!)));
  }),
});
