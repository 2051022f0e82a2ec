import type { PlatformScope } from "@/lib/kernel/scope";
import type { DbOrTx } from "@/lib/kernel/db";
import { queueEmail, type EmailRequest } from "./queue";

type Data = Record<string, unknown>;
const text = (v: unknown) => (typeof v === "string" ? v : "");

const AUTO_TOP_UP_KINDS = { requires_action: "auto_top_up_action_required", skipped: "auto_top_up_paused", failed: "auto_top_up_failed" } as const;

/** The customer message a platform event calls for, keyed by the fact it reports; null when none does. */
function requestFor(type: string, data: Data, eventId: string): EmailRequest | null {
  switch (type) {
    case "top_up.completed":
      return { kind: data.origin === "auto" ? "auto_top_up_succeeded" : "receipt", key: `receipt:${text(data.id)}`, data: { top_up_id: data.id } };
    case "invoice.issued":
      // A plan charge is announced by its invoice only; a top-up's receipt was queued by top_up.completed under the same key.
      return data.object === "invoice" ? { kind: "receipt", key: `receipt:${text(data.top_up_id)}`, data: { top_up_id: data.top_up_id } } : null;
    case "auto_top_up.failed": {
      const kind = AUTO_TOP_UP_KINDS[text(data.status) as keyof typeof AUTO_TOP_UP_KINDS];
      return kind ? { kind, key: `auto-top-up:${text(data.attempt_id)}:${text(data.status)}`, data } : null;
    }
    case "wallet.balance_low":
      return { kind: "low_balance", key: `balance-low:${eventId}`, data };
    case "credits.expiring":
      return { kind: "credits_expiring", key: `credits-expiring:${text(data.grant_id)}`, data };
    case "subscription.past_due":
      return { kind: "plan_renewal_failed", key: `renewal-failed:${text(data.subscription_id)}:${text(data.current_period_end)}`, data };
    case "subscription.cancel_scheduled":
      return { kind: "plan_ending", key: `plan-ending:${text(data.subscription_id)}:${text(data.current_period_end)}`, data };
    default:
      return null;
  }
}

/**
 * Queues the customer's email for a platform event, in the transaction that wrote the event: the
 * customer hears of exactly the changes that committed, as the platform does.
 */
export async function queueEmailForEvent(tx: DbOrTx, scope: PlatformScope, type: string, data: Data, eventId: string): Promise<void> {
  const request = requestFor(type, data, eventId);
  const customerId = text(data.customer_id);
  if (!request || !customerId) return;
  await queueEmail(tx, { ...scope, customerId }, request);
}
