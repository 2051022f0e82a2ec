import { sql } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { Db, Tx } from "@/lib/kernel/db";
import { col, parseRows } from "@/lib/kernel/db/rows";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { enqueueJob } from "@/lib/kernel/jobs/enqueue";
import { z } from "zod";
import { payloadScope, payloadText } from "@/lib/kernel/jobs/payload";
import { defineJob } from "@/lib/kernel/jobs/registry";
import { stringifyJson } from "@/lib/kernel/json";
import { dec } from "@/lib/kernel/money";
import type { PlatformScope } from "@/lib/kernel/scope";
import { emitWebhookEvent } from "@/lib/domain/outbound-webhooks/emit";
import { CREDITS_EXPIRING_JOB } from "./types";

/** How long before a grant expires the platform hears `credits.expiring` (and the portal shows its banner). */
const EXPIRING_NOTICE_DAYS = 7;

/** Queues the notice for a new expiring grant, EXPIRING_NOTICE_DAYS before its expiry (at once if that is past). */
export async function scheduleExpiringNotice(tx: Tx, scope: PlatformScope, grantId: string, expiresAt: Date): Promise<void> {
  const at = new Date(Math.max(now().getTime(), expiresAt.getTime() - EXPIRING_NOTICE_DAYS * 86_400_000));
  await enqueueJob(tx, { kind: CREDITS_EXPIRING_JOB, payload: { ...scope, grantId }, runAt: at, uniqueKey: `grant-expiring:${grantId}` });
}

/**
 * Writes `credits.expiring` for a grant that still holds credits and has not expired, once: the flag is
 * set in the same transaction as the event. A grant already used up says nothing.
 */
async function notifyExpiring(db: Db, scope: PlatformScope, grantId: string): Promise<boolean> {
  return withTransaction(db, async (tx) => {
    const row = parseRows(z.object({ customer_id: col.text(), account_name: col.text(), asset_code: col.text(), purpose: col.text(), remaining: col.text(), expires_at: col.time() }), await tx.execute(sql`UPDATE credit_grants SET expiring_notified = true
        WHERE id = ${grantId} AND platform_id = ${scope.platformId} AND live_mode = ${scope.liveMode}
          AND NOT expiring_notified AND expired_at IS NULL AND remaining > 0 AND expires_at IS NOT NULL
        RETURNING customer_id, account_name, asset_code, purpose, remaining::text, expires_at`)
    )[0];
    if (!row) return false;
    const data = {
      customer_id: row.customer_id,
      grant_id: grantId,
      account_id: `${row.account_name}:${row.asset_code}`,
      asset: row.asset_code,
      purpose: row.purpose,
      remaining: dec(row.remaining),
      expires_at: new Date(row.expires_at).toISOString(),
    };
    // Through stringifyJson so `remaining` is stored as a JSON number, as the API writes it.
    await emitWebhookEvent(tx, scope, "credits.expiring", JSON.parse(stringifyJson(data)) as Record<string, unknown>);
    return true;
  });
}

export const creditsExpiringJob = defineJob(CREDITS_EXPIRING_JOB, z.object({ ...payloadScope, grantId: payloadText() }), (db, p) =>
  notifyExpiring(db, { platformId: p.platformId, liveMode: p.liveMode }, p.grantId),
);
