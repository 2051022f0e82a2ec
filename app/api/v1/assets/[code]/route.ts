import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { getAssetOrThrow } from "@/lib/domain/assets/find-asset";
import { serializeAsset } from "@/lib/domain/assets/serialize";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /assets/:code – a custom asset, or a built-in fiat currency
  GET: apiRoute({}, async ({ db, scope, params }) => {
    return json(serializeAsset(await getAssetOrThrow(db, scope, params.code!)));
  }),
});
