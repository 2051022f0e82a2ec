export const WEBHOOK_TOPICS = [
  "subscription.activated",
  "subscription.past_due",
  "subscription.canceled",
  "subscription.cancel_scheduled",
  "top_up.completed",
  "top_up.failed",
  "auto_top_up.failed",
  "wallet.balance_low",
  "credits.expiring",
  "invoice.issued",
  "budget.threshold_reached",
] as const;

export type WebhookTopic = (typeof WEBHOOK_TOPICS)[number];

/** `*` matches everything; `subscription.*` matches a family. */
export function topicMatches(subscribed: readonly string[], type: string): boolean {
  return subscribed.some((t) => t === "*" || t === type || (t.endsWith(".*") && type.startsWith(t.slice(0, -1))));
}
