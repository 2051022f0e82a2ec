import type { Decimal } from "@/lib/kernel/money";

export type GrantPurpose = "promotional" | "bundled" | "paid";
export type GrantSource = "entitlement" | "adjustment" | "top_up" | "coupon";

export const EXPIRE_GRANT_JOB = "grant.expire";
export const REFRESH_ENTITLEMENT_JOB = "entitlement.refresh";
export const CREDITS_EXPIRING_JOB = "grant.expiring";

export interface GrantRow {
  id: string;
  customerId: string;
  accountName: string;
  assetCode: string;
  purpose: GrantPurpose;
  source: GrantSource;
  sourceId: string;
  transferId: string;
  amount: Decimal;
  remaining: Decimal;
  effectiveAt: Date;
  expiresAt: Date | null;
  expiredAt: Date | null;
  createdAt: Date;
}
