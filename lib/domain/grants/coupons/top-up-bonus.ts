import { sql } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { Tx } from "@/lib/kernel/db";
import { z } from "zod";
import { col, parseRows } from "@/lib/kernel/db/rows";
import type { TransferInput } from "@/lib/domain/ledger";
import { dec, toLedgerScale } from "@/lib/kernel/money";
import type { PlatformScope } from "@/lib/kernel/scope";
import { postGrant } from "@/lib/domain/grants/create-grant";
import { couponGrantExpiry } from "./redeem";

const pendingRow = z.object({ id: col.text(), coupon_id: col.text(), terms: col.json(col.scalars()) });

/**
 * After a top-up's credit is posted: if the customer redeemed a top-up bonus that still has top-ups
 * left, credits percent × the top-up's units as a promotional grant and counts one top-up down. The
 * oldest redemption pays first; one bonus per top-up. Idempotent with the top-up's credit transfer.
 */
export async function applyTopUpBonus(tx: Tx, scope: PlatformScope, customerId: string, credit: TransferInput): Promise<void> {
  const pending = parseRows(
    pendingRow,
    await tx.execute(sql`SELECT r.id, r.coupon_id, c.terms FROM coupon_redemptions r JOIN coupons c ON c.id = r.coupon_id
      WHERE r.customer_id = ${customerId} AND r.platform_id = ${scope.platformId} AND r.live_mode = ${scope.liveMode} AND r.bonuses_left > 0
      ORDER BY r.created_at, r.id LIMIT 1 FOR UPDATE OF r`),
  )[0];
  if (!pending || credit.to.kind !== "wallet") return;
  const { terms } = pending;
  const amount = toLedgerScale(credit.amount.times(dec(String(terms.percent))).dividedBy(100));
  await tx.execute(sql`UPDATE coupon_redemptions SET bonuses_left = bonuses_left - 1 WHERE id = ${pending.id}`);
  if (!amount.gt(0)) return;
  await postGrant(
    tx,
    scope,
    {
      idempotencyKey: `bonus:${credit.idempotencyKey}`,
      category: "coupon",
      asset: credit.asset,
      amount,
      from: { kind: "system", name: "promotions", asset: credit.asset, shardKey: customerId },
      to: credit.to,
      customerId,
      description: `Top-up bonus (${dec(String(terms.percent)).toString()}%)`,
      reference: { type: "coupon", id: pending.coupon_id },
    },
    { purpose: "promotional", source: "coupon", sourceId: pending.id, expiresAt: couponGrantExpiry(terms, now()) },
  );
}
