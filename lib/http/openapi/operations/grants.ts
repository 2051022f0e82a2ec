import { pageQuerySchema } from "@/lib/kernel/fields/page-query";
import { createCouponSchema } from "@/lib/domain/grants/coupons/schema";
import type { Operation } from "@/lib/http/openapi/operation";
import { pageOf } from "@/lib/http/openapi/responses/common";
import { couponResponse, grantResponse } from "@/lib/http/openapi/responses/grants";

/** Credit grants and coupons (docs/credits.md). */
export const grantOperations: Operation[] = [
  {
    method: "get", path: "/customers/{customerId}/wallet/{accountId}/grants", operationId: "Wallets_listGrants", tag: "Wallets",
    summary: "A wallet account's credit grants: those with credits left first, in consumption order", query: pageQuerySchema,
    response: { status: 200, description: "OK", schema: pageOf(grantResponse) },
  },
  {
    method: "post", path: "/coupons", operationId: "Coupons_create", tag: "Coupons",
    summary: "A code customers redeem once in the portal: a credit grant, or a bonus on their next top-up(s) (Billfold extension)",
    body: createCouponSchema, response: { status: 201, description: "Created", schema: couponResponse },
  },
  { method: "get", path: "/coupons", operationId: "Coupons_list", tag: "Coupons", summary: "The platform's coupons, oldest first", query: pageQuerySchema, response: { status: 200, description: "OK", schema: pageOf(couponResponse) } },
  { method: "get", path: "/coupons/{couponId}", operationId: "Coupons_get", tag: "Coupons", summary: "One coupon with its redemption count", response: { status: 200, description: "OK", schema: couponResponse } },
  {
    method: "post", path: "/coupons/{couponId}/deactivate", operationId: "Coupons_deactivate", tag: "Coupons",
    summary: "Stop further redemptions; credits already given stay", response: { status: 200, description: "OK", schema: couponResponse },
  },
];
