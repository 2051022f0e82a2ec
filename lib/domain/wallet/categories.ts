import type { TransferCategory } from "@/lib/domain/ledger";

/** The Credyt adjustment reason a transfer was made with, derived from its category. */
export const REASON_BY_CATEGORY: Partial<Record<TransferCategory, string>> = {
  top_up: "external_topup",
  refund: "external_refund",
  gift: "gift",
  promotional: "promotional",
  adjustment: "adjustment",
};

/** Customer-facing names for transaction categories. */
export const CATEGORY_LABELS: Record<TransferCategory, string> = {
  top_up: "Top-up",
  auto_top_up: "Auto top-up",
  usage_fee: "Usage",
  fixed_fee: "Plan fee",
  refund: "Refund",
  gift: "Gift",
  promotional: "Promotional credit",
  adjustment: "Adjustment",
  grant_expiry: "Credits expired",
  dispute: "Dispute",
  plan_credits: "Included credits",
  coupon: "Coupon",
};

/** The filter groups customers see; each maps to the ledger categories it covers. */
export const CATEGORY_GROUPS = {
  top_ups: { label: "Top-ups", categories: ["top_up", "auto_top_up"] },
  usage: { label: "Usage", categories: ["usage_fee"] },
  plan_fees: { label: "Plan fees", categories: ["fixed_fee"] },
  refunds: { label: "Refunds", categories: ["refund", "dispute"] },
  gifts: { label: "Gifts & promotions", categories: ["gift", "promotional", "coupon", "plan_credits"] },
  adjustments: { label: "Adjustments", categories: ["adjustment"] },
  expired: { label: "Expired credits", categories: ["grant_expiry"] },
} as const satisfies Record<string, { label: string; categories: readonly TransferCategory[] }>;

export type CategoryGroup = keyof typeof CATEGORY_GROUPS;
