import { json } from "@/lib/http/respond";
import { findAsset } from "@/lib/domain/assets/find-asset";
import { assetDisplay } from "@/lib/domain/wallet/balances";
import { redeemCoupon } from "@/lib/domain/grants/coupons/redeem";
import { redeemCouponSchema } from "@/lib/domain/grants/coupons/schema";
import { portalRoute } from "@/lib/http/portal-route";

// POST /api/portal/coupons/redeem – the signed-in customer redeems a coupon code, once
export const POST = portalRoute({ body: redeemCouponSchema, mutation: true }, async ({ db, scope, body }) => {
  const r = await redeemCoupon(db, scope, body.code);
  const asset = r.asset ? await findAsset(db, scope, r.asset) : null;
  return json({
    coupon_id: r.couponId, kind: r.kind, asset: r.asset, asset_display: asset ? assetDisplay(asset) : null, amount: r.amount === null ? null : Number(r.amount),
    percent: r.percent === null ? null : Number(r.percent), top_ups: r.topUps,
  });
});
