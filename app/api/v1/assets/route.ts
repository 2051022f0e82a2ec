import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { page } from "@/lib/api/pagination";
import { pageQuerySchema } from "@/lib/api/page-query";
import { json } from "@/lib/api/respond";
import { createAsset } from "@/lib/assets/create-asset";
import { listAssets } from "@/lib/assets/list-assets";
import { createAssetSchema } from "@/lib/assets/schemas";
import { serializeAsset } from "@/lib/assets/serialize";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // POST /assets – create a custom asset (credits, tokens, minutes) with its exchange rates
  POST: apiRoute({ body: createAssetSchema }, async ({ db, scope, body }) => {
    return json(serializeAsset(await createAsset(db, scope, body)), 201);
  }),

  // GET /assets – the platform's custom assets
  GET: apiRoute({ query: pageQuerySchema }, async ({ db, scope, query }) => {
    const { items, total } = await listAssets(db, scope, query);
    return json(page(items.map(serializeAsset), total, query.limit, query.offset));
  }),
});
