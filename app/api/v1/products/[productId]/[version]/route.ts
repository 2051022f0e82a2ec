import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { json } from "@/lib/api/respond";
import { getProductVersionOrThrow } from "@/lib/catalog/get-version";
import { updateVersionSchema } from "@/lib/catalog/product-schema";
import { serializeVersionSummary } from "@/lib/catalog/serialize-product";
import { updateProductVersion } from "@/lib/catalog/update-version";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /products/:productId/:version – one version (an integer, or "default")
  GET: apiRoute({}, async ({ db, scope, params }) => {
    return json(await getProductVersionOrThrow(db, scope, params.productId!, params.version!));
  }),

  // PATCH /products/:productId/:version – publish a draft and/or make a published version the default
  PATCH: apiRoute({ body: updateVersionSchema }, async ({ db, scope, params, body }) => {
    return json(serializeVersionSummary(await updateProductVersion(db, scope, params.productId!, params.version!, body)));
  }),
});
