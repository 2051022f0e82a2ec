import { eq } from "drizzle-orm";
import type { Tx } from "@/lib/kernel/db";
import { topUps } from "@/lib/kernel/db/schema";
import { stringifyJson } from "@/lib/kernel/json";
import { dec } from "@/lib/kernel/money";
import { emitWebhookEvent } from "@/lib/domain/outbound-webhooks/emit";
import { formatAccountId } from "@/lib/domain/wallet/account-id";
import type { AttemptRow } from "@/lib/domain/payments/attempts/store";
import { serializeTopUp } from "@/lib/domain/payments/top-ups/serialize";
import { isPlanCharge } from "@/lib/domain/payments/top-ups/store";

// Platform webhooks are written in the transaction that changed the top-up, so a platform hears of
// exactly the changes that committed, never of one that rolled back.

/** Decimals become JSON numbers, as the API writes them. */
function jsonData(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(stringifyJson(value)) as Record<string, unknown>;
}

/** top_up.completed or top_up.failed, carrying the top-up as GET /top-ups/:id shows it. */
export async function notifyTopUp(tx: Tx, topUpId: string, type: "top_up.completed" | "top_up.failed"): Promise<void> {
  const [row] = await tx.select().from(topUps).where(eq(topUps.id, topUpId)).limit(1);
  // Subscription charges are announced by the subscription's own events (activated, past_due, canceled).
  if (row && !isPlanCharge(row)) await emitWebhookEvent(tx, { platformId: row.platformId, liveMode: row.liveMode }, type, jsonData(serializeTopUp(row)));
}

/** An automatic top-up that added no funds: declined, waiting for the customer, or held back by a cap. */
export async function notifyAutoTopUpFailed(tx: Tx, attempt: AttemptRow, enabledAfter: boolean): Promise<void> {
  const data = {
    attempt_id: attempt.id,
    customer_id: attempt.customerId,
    account_id: formatAccountId(attempt.accountName, attempt.assetCode),
    amount: dec(attempt.amount),
    currency: attempt.currency,
    status: attempt.status,
    reason: attempt.reason,
    decline_code: attempt.declineCode,
    top_up_id: attempt.topUpId,
    auto_top_up_enabled: enabledAfter,
  };
  await emitWebhookEvent(tx, { platformId: attempt.platformId, liveMode: attempt.liveMode }, "auto_top_up.failed", jsonData(data));
}
