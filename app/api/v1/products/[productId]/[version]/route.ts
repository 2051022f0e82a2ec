import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { getProductVersionOrThrow } from "@/lib/domain/catalog/get-version";
import { updateVersionSchema } from "@/lib/domain/catalog/product-schema";
import { serializeVersionSummary } from "@/lib/domain/catalog/serialize-product";
import { updateProductVersion } from "@/lib/domain/catalog/update-version";

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
