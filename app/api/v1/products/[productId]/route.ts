import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { json } from "@/lib/api/respond";
import { createProductVersion } from "@/lib/catalog/create-product";
import { createVersionSchema } from "@/lib/catalog/product-schema";
import { getProductOrThrow } from "@/lib/catalog/product-store";
import { productDetail, serializeVersionSummary } from "@/lib/catalog/serialize-product";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /products/:productId – a product with every version, newest first
  GET: apiRoute({}, async ({ db, scope, params }) => {
    return json(await productDetail(db, await getProductOrThrow(db, scope, params.productId!)));
  }),

  // POST /products/:productId – a new version from a full definition; existing subscribers keep theirs
  POST: apiRoute({ body: createVersionSchema }, async ({ db, scope, params, body }) => {
    return json(serializeVersionSummary(await createProductVersion(db, scope, params.productId!, body)), 201);
  }),
});
