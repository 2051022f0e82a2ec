import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { createProductVersion } from "@/lib/domain/catalog/create-product";
import { createVersionSchema } from "@/lib/domain/catalog/product-schema";
import { getProductOrThrow } from "@/lib/domain/catalog/product-store";
import { productDetail, serializeVersionSummary } from "@/lib/domain/catalog/serialize-product";

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
