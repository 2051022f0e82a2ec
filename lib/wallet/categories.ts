import type { TransferCategory } from "@/lib/ledger";

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
