import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { getVendorOrThrow, serializeVendor } from "@/lib/vendors/vendor-store";

// GET /vendors/:vendorId – one vendor
export const GET = apiRoute({}, async ({ db, scope, params }) => {
  return json(serializeVendor(await getVendorOrThrow(db, scope, params.vendorId!)));
});
