import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { getAssetOrThrow } from "@/lib/assets/find-asset";
import { serializeAsset } from "@/lib/assets/serialize";

// GET /assets/:code – a custom asset, or a built-in fiat currency
export const GET = apiRoute({}, async ({ db, scope, params }) => {
  return json(serializeAsset(await getAssetOrThrow(db, scope, params.code!)));
});
