import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { serializeCoupon } from "@/lib/domain/grants/coupons/serialize";
import { getCouponOrThrow } from "@/lib/domain/grants/coupons/store";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /coupons/:couponId – one coupon with its redemption count
  GET: apiRoute({}, async ({ db, scope, params }) => {
    return json(serializeCoupon(await getCouponOrThrow(db, scope, params.couponId!)));
  }),
});
