import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { page } from "@/lib/api/pagination";
import { pageQuerySchema } from "@/lib/api/page-query";
import { json } from "@/lib/api/respond";
import { createCouponSchema } from "@/lib/grants/coupons/schema";
import { serializeCoupon } from "@/lib/grants/coupons/serialize";
import { createCoupon, listCoupons } from "@/lib/grants/coupons/store";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // POST /coupons – a code customers redeem in the portal for credits or a top-up bonus
  POST: apiRoute({ body: createCouponSchema }, async ({ db, scope, body }) => {
    return json(serializeCoupon(await createCoupon(db, scope, body)), 201);
  }),

  // GET /coupons – the platform's coupons, oldest first
  GET: apiRoute({ query: pageQuerySchema }, async ({ db, scope, query }) => {
    const { rows, total } = await listCoupons(db, scope, query);
    return json(page(rows.map(serializeCoupon), total, query.limit, query.offset));
  }),
});
