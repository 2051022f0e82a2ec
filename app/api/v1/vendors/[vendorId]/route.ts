import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { json } from "@/lib/api/respond";
import { getVendorOrThrow, serializeVendor } from "@/lib/vendors/vendor-store";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /vendors/:vendorId – one vendor
  GET: apiRoute({}, async ({ db, scope, params }) => {
    return json(serializeVendor(await getVendorOrThrow(db, scope, params.vendorId!)));
  }),
});
