import { and, asc, count, eq, sql } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { Db, DbOrTx } from "@/lib/kernel/db";
import { coupons } from "@/lib/kernel/db/schema";
import { isUniqueViolation } from "@/lib/kernel/db/transaction";
import { requireAsset } from "@/lib/domain/assets/find-asset";
import { NotFoundError, ValidationError } from "@/lib/kernel/errors";
import { isId, newId } from "@/lib/kernel/ids";
import { inScope, type PlatformScope } from "@/lib/kernel/scope";
import type { CreateCouponInput } from "./schema";

export type CouponRow = typeof coupons.$inferSelect;

function termsOf(input: CreateCouponInput): Record<string, unknown> {
  const t = input.kind === "credit_grant" ? input.credit_grant : input.top_up_bonus;
  const expiry = { grant_expires_at: t.grant_expires_at?.toISOString() ?? null, grant_expires_in_days: t.grant_expires_in_days ?? null };
  if (input.kind === "credit_grant") return { asset: input.credit_grant.asset, amount: input.credit_grant.amount.toString(), ...expiry };
  return { percent: input.top_up_bonus.percent.toString(), top_ups: input.top_up_bonus.top_ups ?? 1, ...expiry };
}

/**
 * Creates a coupon. Codes are unique per platform and mode whatever their case.
 * @throws ValidationError (unknown asset, code taken, expiry in the past)
 */
export async function createCoupon(db: Db, scope: PlatformScope, input: CreateCouponInput): Promise<CouponRow> {
  if (input.kind === "credit_grant") await requireAsset(db, scope, input.credit_grant.asset, "credit_grant.asset");
  if (input.expires_at && input.expires_at <= now()) throw ValidationError.field("expires_at", "Must be in the future.");
  try {
    const [row] = await db
      .insert(coupons)
      .values({
        id: newId("coupon"),
        ...scope,
        code: input.code,
        codeLower: input.code.toLowerCase(),
        kind: input.kind,
        terms: termsOf(input),
        expiresAt: input.expires_at ?? null,
        maxRedemptions: input.max_redemptions ?? null,
        createdAt: now(),
      })
      .returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) throw ValidationError.field("code", "A coupon with this code already exists.");
    throw error;
  }
}

export async function getCouponOrThrow(db: DbOrTx, scope: PlatformScope, id: string): Promise<CouponRow> {
  if (!isId("coupon", id)) throw new NotFoundError("Coupon");
  const [row] = await db.select().from(coupons).where(and(inScope(coupons, scope), eq(coupons.id, id)));
  if (!row) throw new NotFoundError("Coupon");
  return row;
}

export async function listCoupons(db: Db, scope: PlatformScope, q: { limit: number; offset: number }): Promise<{ rows: CouponRow[]; total: number }> {
  const where = inScope(coupons, scope);
  const rows = await db.select().from(coupons).where(where).orderBy(asc(coupons.createdAt), asc(coupons.id)).limit(q.limit).offset(q.offset);
  const [{ n }] = (await db.select({ n: count() }).from(coupons).where(where)) as [{ n: number }];
  return { rows, total: Number(n) };
}

/** Stops further redemptions; credits already given stay. Deactivating twice keeps the first time. */
export async function deactivateCoupon(db: Db, scope: PlatformScope, id: string): Promise<CouponRow> {
  await getCouponOrThrow(db, scope, id);
  await db
    .update(coupons)
    .set({ deactivatedAt: sql`coalesce(${coupons.deactivatedAt}, ${now().toISOString()}::timestamptz)` })
    .where(and(inScope(coupons, scope), eq(coupons.id, id)));
  return getCouponOrThrow(db, scope, id);
}
