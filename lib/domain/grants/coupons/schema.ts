import { z } from "zod";
import { assetCodeField, decimalField, intField, shortText, textField, timestampField } from "@/lib/kernel/fields/fields";

/** When the credits a coupon gives expire: at a fixed time, or a number of days after redemption (or the top-up). */
const grantExpiry = {
  grant_expires_at: timestampField().nullish(),
  grant_expires_in_days: intField(1, 3650).nullish(),
};

const common = {
  code: textField(40, { trim: true, pattern: { regex: /^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$/, message: "3 to 40 letters, digits, '-' and '_', starting with a letter or digit." } }),
  expires_at: timestampField().nullish(),
  max_redemptions: intField(1, 100_000_000).nullish(),
};

const creditGrant = z.strictObject({
  ...common,
  kind: z.literal("credit_grant"),
  credit_grant: z.strictObject({ asset: assetCodeField(), amount: decimalField({ positive: true }), ...grantExpiry }),
});

const topUpBonus = z.strictObject({
  ...common,
  kind: z.literal("top_up_bonus"),
  top_up_bonus: z.strictObject({
    /** Extra promotional credit, in percent of the units of the customer's next credited top-up(s). */
    percent: decimalField({ positive: true }).refine((p) => p.lte(1000), "At most 1000."),
    /** How many of the customer's next top-ups earn the bonus. */
    top_ups: intField(1, 100).optional(),
    ...grantExpiry,
  }),
});

export const createCouponSchema = z
  .discriminatedUnion("kind", [creditGrant, topUpBonus])
  .superRefine((c, ctx) => {
    const terms = c.kind === "credit_grant" ? c.credit_grant : c.top_up_bonus;
    if (terms.grant_expires_at && terms.grant_expires_in_days) {
      ctx.addIssue({ code: "custom", path: [c.kind, "grant_expires_at"], message: "Give grant_expires_at or grant_expires_in_days, not both." });
    }
  });

export const redeemCouponSchema = z.strictObject({ code: shortText(100) });

export type CreateCouponInput = z.output<typeof createCouponSchema>;
