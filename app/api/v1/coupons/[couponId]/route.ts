import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { serializeCoupon } from "@/lib/grants/coupons/serialize";
import { getCouponOrThrow } from "@/lib/grants/coupons/store";

// GET /coupons/:couponId – one coupon with its redemption count
export const GET = apiRoute({}, async ({ db, scope, params }) => {
  return json(serializeCoupon(await getCouponOrThrow(db, scope, params.couponId!)));
});
