import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { page } from "@/lib/kernel/fields/pagination";
import { pageQuerySchema } from "@/lib/kernel/fields/page-query";
import { json } from "@/lib/http/respond";
import { createAsset } from "@/lib/domain/assets/create-asset";
import { listAssets } from "@/lib/domain/assets/list-assets";
import { createAssetSchema } from "@/lib/domain/assets/schemas";
import { serializeAsset } from "@/lib/domain/assets/serialize";

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
