import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { page } from "@/lib/kernel/fields/pagination";
import { pageQuerySchema } from "@/lib/kernel/fields/page-query";
import { json } from "@/lib/http/respond";
import { createCouponSchema } from "@/lib/domain/grants/coupons/schema";
import { serializeCoupon } from "@/lib/domain/grants/coupons/serialize";
import { createCoupon, listCoupons } from "@/lib/domain/grants/coupons/store";

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
