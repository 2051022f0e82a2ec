import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { json } from "@/lib/api/respond";
import { serializeCoupon } from "@/lib/grants/coupons/serialize";
import { getCouponOrThrow } from "@/lib/grants/coupons/store";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /coupons/:couponId – one coupon with its redemption count
  GET: apiRoute({}, async ({ db, scope, params }) => {
    return json(serializeCoupon(await getCouponOrThrow(db, scope, params.couponId!)));
  }),
});
