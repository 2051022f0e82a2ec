import type { Decimal } from "@/lib/kernel/money";

export type UsageType = "unit" | "volume" | "unit_and_volume";

/** What a matched event pays in one asset. */
export interface Rate {
  name: string | null;
  unitPrice: Decimal | null;
  volumeRate: Decimal | null;
  /** Volume units one `volumeRate` buys; null means 1. */
  packageSize: Decimal | null;
}

/** A rate that applies when the event's dimensions match; "*" (or a dimension left out) matches any value. */
export interface DimensionalRate {
  name: string | null;
  dimensions: Record<string, string>;
  rate: Rate;
}

/** One asset's pricing: a single flat rate, or dimensional rates of which the most specific match wins. */
export type AssetPricing = { asset: string; flat: Rate } | { asset: string; dimensional: DimensionalRate[] };

export interface UsagePrice {
  id: string;
  name: string;
  eventType: string;
  usageType: UsageType;
  volumeField: string | null;
  billableDimensions: string[];
  pricing: AssetPricing[];
}

/** A published product version reduced to what rating needs. */
export interface RatedProduct {
  id: string;
  code: string;
  name: string;
  version: number;
  pricesByEventType: ReadonlyMap<string, UsagePrice[]>;
}

export interface RatingEvent {
  eventType: string;
  /** The event's data with exact numbers (JsonNumber leaves) as parsed from the request. */
  data: Readonly<Record<string, unknown>>;
}

export interface Fee {
  priceId: string;
  /** The matched value's name when it has one, else the price's name. */
  priceName: string;
  asset: string;
  amount: Decimal;
  /** 1 for unit prices; the event's volume otherwise. */
  quantity: Decimal;
  unitPrice: Decimal | null;
  volumeRate: Decimal | null;
  packageSize: Decimal | null;
  /** The event's values for the price's billable dimensions. */
  dimensions: Record<string, string>;
}

export interface ProductFee extends Fee {
  product: { id: string; code: string; name: string; version: number };
}

export type PriceOutcome =
  | { kind: "fees"; fees: Fee[] }
  | { kind: "no_match"; reason: string }
  | { kind: "error"; reason: string };

export type UnbilledCode = "no_subscription" | "no_price" | "no_dimension_match";

export type EventRating =
  | { status: "billed"; fees: ProductFee[] }
  | { status: "unbilled"; code: UnbilledCode; reason: string }
  | { status: "rating_error"; reason: string };
