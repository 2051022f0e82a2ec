import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { z } from "zod";
import { col, parseRows } from "@/lib/kernel/db/rows";
import type { CustomerScope } from "@/lib/kernel/scope";

/** A redeemed top-up bonus still waiting for top-ups; the first listed pays on the next top-up. */
export interface PendingBonus {
  code: string;
  percent: string;
  topUpsLeft: number;
}

/** The customer's waiting top-up bonuses, in the order top-ups use them (lib/domain/grants/coupons/top-up-bonus.ts). */
export async function pendingBonuses(db: DbOrTx, scope: CustomerScope): Promise<PendingBonus[]> {
  const rows = parseRows(
    z.object({ code: col.text(), percent: col.text(), bonuses_left: col.int() }),
    await db.execute(sql`SELECT c.code, c.terms->>'percent' AS percent, r.bonuses_left FROM coupon_redemptions r JOIN coupons c ON c.id = r.coupon_id
      WHERE r.customer_id = ${scope.customerId} AND r.platform_id = ${scope.platformId} AND r.live_mode = ${scope.liveMode} AND r.bonuses_left > 0
      ORDER BY r.created_at, r.id`),
  );
  return rows.map((r) => ({ code: r.code, percent: r.percent, topUpsLeft: r.bonuses_left }));
}

/**
 * The bonus each top-up's credit earned, by the credit's transfer id: the bonus transfer's key is the
 * credit's own key with a "bonus:" prefix.
 */
export async function bonusesByCreditTransfer(db: DbOrTx, scope: { platformId: string; liveMode: boolean }, transferIds: string[]): Promise<Map<string, string>> {
  if (transferIds.length === 0) return new Map();
  const rows = parseRows(
    z.object({ id: col.text(), amount: col.text() }),
    await db.execute(sql`SELECT t.id, b.amount::text AS amount FROM ledger_transfers t
      JOIN ledger_transfers b ON b.platform_id = t.platform_id AND b.live_mode = t.live_mode AND b.idempotency_key = 'bonus:' || t.idempotency_key
      WHERE t.platform_id = ${scope.platformId} AND t.live_mode = ${scope.liveMode} AND t.id = ANY(${sql.param(transferIds)}::text[])`),
  );
  return new Map(rows.map((r) => [r.id, r.amount]));
}
