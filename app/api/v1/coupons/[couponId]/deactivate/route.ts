import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { serializeCoupon } from "@/lib/domain/grants/coupons/serialize";
import { deactivateCoupon } from "@/lib/domain/grants/coupons/store";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // POST /coupons/:couponId/deactivate – no further redemptions; credits already given stay
  POST: apiRoute({}, async ({ db, scope, params }) => {
    return json(serializeCoupon(await deactivateCoupon(db, scope, params.couponId!)));
  }),
});
