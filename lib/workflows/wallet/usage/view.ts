/** One fee of a usage record, with how it was computed. Amounts are exact decimal strings. */
export interface UsageFeeView {
  productName: string;
  priceName: string;
  dimensions: Record<string, string>;
  quantity: string;
  unitPrice: string | null;
  volumeRate: string | null;
  packageSize: string | null;
  amount: string;
  asset: string;
}

/** A usage record as the portal lists it. */
export interface UsageView {
  id: string;
  eventId: string;
  occurredAt: string;
  productName: string;
  subject: string | null;
  description: string | null;
  status: "billed" | "unbilled" | "rating_error";
  /** Total per asset this event cost, with the account balance right after it was debited. */
  charges: { asset: string; amount: string; balanceAfter: string | null }[];
  fees: UsageFeeView[];
  /** Values for the lanes the platform marked visible, by dimension; lanes without a value are left out. */
  lanes: Record<string, string>;
}

export interface UsagePage {
  items: UsageView[];
  nextCursor: string | null;
}
