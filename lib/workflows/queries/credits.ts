"use client";

import type { AssetDisplay } from "@/lib/kernel/money/format";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreditTimeline } from "@/lib/domain/grants/timeline";
import { balanceKeys, creditKeys } from "./keys";
import { portalFetch } from "./portal-fetch";

export interface RedeemResult {
  kind: "credit_grant" | "top_up_bonus";
  asset: string | null;
  /** How the granted asset is written (its label and precision), for the success message. */
  asset_display: AssetDisplay | null;
  amount: number | null;
  percent: number | null;
  top_ups: number | null;
}

/** The credit timeline, hydrated from the server render. */
export function useCreditTimeline() {
  return useQuery({ queryKey: creditKeys.timeline, queryFn: () => portalFetch<CreditTimeline>("/api/portal/credits") });
}

/** Redeems a coupon code; the timeline and balances refresh so the new credits show at once. */
export function useRedeemCoupon() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => portalFetch<RedeemResult>("/api/portal/coupons/redeem", { method: "POST", body: { code } }),
    onSuccess: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: creditKeys.timeline }), client.invalidateQueries({ queryKey: balanceKeys.all })]);
    },
  });
}
