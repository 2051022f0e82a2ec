import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { json } from "@/lib/api/respond";
import { serializeCoupon } from "@/lib/grants/coupons/serialize";
import { deactivateCoupon } from "@/lib/grants/coupons/store";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // POST /coupons/:couponId/deactivate – no further redemptions; credits already given stay
  POST: apiRoute({}, async ({ db, scope, params }) => {
    return json(serializeCoupon(await deactivateCoupon(db, scope, params.couponId!)));
  }),
});
