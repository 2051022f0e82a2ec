import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { pageQuerySchema } from "@/lib/kernel/fields/page-query";
import { page } from "@/lib/kernel/fields/pagination";
import { validate } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { createProduct } from "@/lib/domain/catalog/create-product";
import { createProductSchema, listProductsQuerySchema } from "@/lib/domain/catalog/product-schema";
import { getProductByCodeOrThrow, listProducts } from "@/lib/domain/catalog/product-store";
import { productDetail, serializeProductSummary, serializeVersionSummary } from "@/lib/domain/catalog/serialize-product";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // POST /products – create a product and its first version (published and default with publish: true)
  POST: apiRoute({ body: createProductSchema }, async ({ db, scope, body }) => {
    return json(serializeVersionSummary(await createProduct(db, scope, body)), 201);
  }),

  // GET /products – list products, or ?code= for one product with its versions
  GET: apiRoute({ query: listProductsQuerySchema }, async ({ db, scope, query }) => {
    if (query.code !== undefined) return json(await productDetail(db, await getProductByCodeOrThrow(db, scope, query.code)));
    const { limit, offset } = validate(pageQuerySchema, query);
    const { rows, total } = await listProducts(db, scope, { limit, offset });
    return json(page(rows.map(serializeProductSummary), total, limit, offset));
  }),
});
