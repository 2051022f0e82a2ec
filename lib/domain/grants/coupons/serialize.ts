import { dec } from "@/lib/kernel/money";
import type { CouponRow } from "./store";

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The API shape of a coupon; amounts are JSON numbers written exactly. */
export function serializeCoupon(c: CouponRow): Record<string, unknown> {
  const t = c.terms as Record<string, string | number | null>;
  const expiry = { grant_expires_at: t.grant_expires_at ?? null, grant_expires_in_days: t.grant_expires_in_days ?? null };
  const terms =
    c.kind === "credit_grant"
      ? { credit_grant: { asset: t.asset, amount: dec(String(t.amount)), ...expiry } }
      : { top_up_bonus: { percent: dec(String(t.percent)), top_ups: t.top_ups, ...expiry } };
  return {
    id: c.id,
    code: c.code,
    kind: c.kind,
    ...terms,
    expires_at: iso(c.expiresAt),
    max_redemptions: c.maxRedemptions,
    redemptions: c.redemptions,
    active: c.deactivatedAt === null,
    deactivated_at: iso(c.deactivatedAt),
    created_at: iso(c.createdAt),
  };
}
