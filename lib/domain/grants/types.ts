export type GrantPurpose = "promotional" | "bundled" | "paid";
export type GrantSource = "entitlement" | "adjustment" | "top_up" | "coupon";

export const EXPIRE_GRANT_JOB = "grant.expire";
export const REFRESH_ENTITLEMENT_JOB = "entitlement.refresh";
export const CREDITS_EXPIRING_JOB = "grant.expiring";

