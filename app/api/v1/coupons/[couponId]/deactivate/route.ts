import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { serializeCoupon } from "@/lib/grants/coupons/serialize";
import { deactivateCoupon } from "@/lib/grants/coupons/store";

// POST /coupons/:couponId/deactivate – no further redemptions; credits already given stay
export const POST = apiRoute({}, async ({ db, scope, params }) => {
  return json(serializeCoupon(await deactivateCoupon(db, scope, params.couponId!)));
});
