import { sql } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { Db, Tx } from "@/lib/kernel/db";
import { z } from "zod";
import { col, parseRows, rowsOf } from "@/lib/kernel/db/rows";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { ValidationError } from "@/lib/kernel/errors";
import { newId } from "@/lib/kernel/ids";
import { dec } from "@/lib/kernel/money";
import type { CustomerScope } from "@/lib/kernel/scope";
import { DEFAULT_ACCOUNT } from "@/lib/domain/wallet/account-id";
import { postGrant } from "@/lib/domain/grants/create-grant";
import { addIntervals } from "@/lib/domain/grants/periods";

const couponLock = z.object({
  id: col.text(),
  kind: z.enum(["credit_grant", "top_up_bonus"]),
  terms: col.json(col.scalars()),
  expires_at: col.time().nullable(),
  max_redemptions: col.int().nullable(),
  redemptions: col.int(),
  deactivated_at: col.time().nullable(),
});
type CouponLock = z.output<typeof couponLock>;

export interface Redemption {
  couponId: string;
  kind: CouponLock["kind"];
  /** credit_grant: the credits given; top_up_bonus: the percent and how many top-ups earn it. */
  asset: string | null;
  amount: string | null;
  percent: string | null;
  topUps: number | null;
}

const refuse = (message: string) => ValidationError.field("code", message);

/** When credits from a coupon expire: its absolute time, or its number of days from `from`; null never. */
export function couponGrantExpiry(terms: Record<string, string | number | null>, from: Date): Date | null {
  if (terms.grant_expires_at) return new Date(String(terms.grant_expires_at));
  if (terms.grant_expires_in_days) return addIntervals(from, "day", Number(terms.grant_expires_in_days));
  return null;
}

async function lockCoupon(tx: Tx, scope: CustomerScope, code: string): Promise<CouponLock> {
  const row = parseRows(
    couponLock,
    await tx.execute(sql`SELECT id, kind, terms, expires_at, max_redemptions, redemptions, deactivated_at FROM coupons
      WHERE platform_id = ${scope.platformId} AND live_mode = ${scope.liveMode} AND code_lower = ${code.toLowerCase()} FOR UPDATE`),
  )[0];
  if (!row || row.deactivated_at) throw refuse("This code is not valid.");
  if (row.expires_at && new Date(row.expires_at) <= now()) throw refuse("This code has expired.");
  return row;
}

async function grantCredits(tx: Tx, scope: CustomerScope, coupon: CouponLock, redemptionId: string): Promise<void> {
  const asset = String(coupon.terms.asset);
  const { customerId } = scope;
  await postGrant(
    tx,
    scope,
    {
      idempotencyKey: `cpn:${redemptionId}`,
      category: "coupon",
      asset,
      amount: dec(String(coupon.terms.amount)),
      from: { kind: "system", name: "promotions", asset, shardKey: customerId },
      to: { kind: "wallet", customerId, name: DEFAULT_ACCOUNT, asset },
      customerId,
      description: "Coupon",
      reference: { type: "coupon", id: coupon.id },
    },
    { purpose: "promotional", source: "coupon", sourceId: redemptionId, expiresAt: couponGrantExpiry(coupon.terms, now()) },
  );
}

/**
 * Redeems a coupon code for the customer, once per customer, under the coupon's row lock so the
 * redemption limit holds under concurrency. A credit grant is credited at once as a promotional grant;
 * a top-up bonus waits for the customer's next credited top-up(s).
 * @throws ValidationError (field `code`): unknown or deactivated, expired, exhausted, already redeemed
 */
export async function redeemCoupon(db: Db, scope: CustomerScope, code: string): Promise<Redemption> {
  return withTransaction(db, async (tx) => {
    const coupon = await lockCoupon(tx, scope, code.trim());
    const mine = await tx.execute(sql`SELECT 1 FROM coupon_redemptions WHERE coupon_id = ${coupon.id} AND customer_id = ${scope.customerId}`);
    if (rowsOf(mine).length > 0) throw refuse("You have already redeemed this code.");
    if (coupon.max_redemptions !== null && coupon.redemptions >= coupon.max_redemptions) throw refuse("This code has been fully redeemed.");
    const id = newId("coupon");
    const inserted = rowsOf(
      await tx.execute(sql`INSERT INTO coupon_redemptions (id, platform_id, live_mode, coupon_id, customer_id, bonuses_left, created_at)
        VALUES (${id}, ${scope.platformId}, ${scope.liveMode}, ${coupon.id}, ${scope.customerId},
          ${coupon.kind === "top_up_bonus" ? Number(coupon.terms.top_ups ?? 1) : 0}, ${now().toISOString()}::timestamptz)
        ON CONFLICT (coupon_id, customer_id) DO NOTHING RETURNING id`),
    );
    if (inserted.length === 0) throw refuse("You have already redeemed this code.");
    await tx.execute(sql`UPDATE coupons SET redemptions = redemptions + 1 WHERE id = ${coupon.id}`);
    if (coupon.kind === "credit_grant") await grantCredits(tx, scope, coupon, id);
    const t = coupon.terms;
    return coupon.kind === "credit_grant"
      ? { couponId: coupon.id, kind: coupon.kind, asset: String(t.asset), amount: String(t.amount), percent: null, topUps: null }
      : { couponId: coupon.id, kind: coupon.kind, asset: null, amount: null, percent: String(t.percent), topUps: Number(t.top_ups ?? 1) };
  });
}
