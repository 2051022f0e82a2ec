import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { getVendorOrThrow, serializeVendor } from "@/lib/domain/vendors/vendor-store";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /vendors/:vendorId – one vendor
  GET: apiRoute({}, async ({ db, scope, params }) => {
    return json(serializeVendor(await getVendorOrThrow(db, scope, params.vendorId!)));
  }),
});
