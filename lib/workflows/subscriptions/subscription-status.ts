export type SubscriptionStatus = "pending" | "active" | "past_due" | "canceled";

/** Subscriptions whose product versions price usage events. A pending one waits for its first payment. */
export const BILLING_STATUSES: readonly SubscriptionStatus[] = ["active", "past_due"];
