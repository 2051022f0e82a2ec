import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { pageQuerySchema } from "@/lib/kernel/fields/page-query";
import { page } from "@/lib/kernel/fields/pagination";
import { validate } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { createVendorSchema, listVendorsQuerySchema } from "@/lib/domain/vendors/schemas";
import { createVendor, getVendorByExternalIdOrThrow, listVendors, serializeVendor } from "@/lib/domain/vendors/vendor-store";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // POST /vendors – register a vendor whose costs events can carry
  POST: apiRoute({ body: createVendorSchema }, async ({ db, scope, body }) => {
    return json(serializeVendor(await createVendor(db, scope, body)), 201);
  }),

  // GET /vendors – list vendors, or ?external_id= for one vendor
  GET: apiRoute({ query: listVendorsQuerySchema }, async ({ db, scope, query }) => {
    if (query.external_id !== undefined) return json(serializeVendor(await getVendorByExternalIdOrThrow(db, scope, query.external_id)));
    const { limit, offset } = validate(pageQuerySchema, query);
    const { rows, total } = await listVendors(db, scope, { limit, offset });
    return json(page(rows.map(serializeVendor), total, limit, offset));
  }),
});
