import { newId } from "@/lib/kernel/ids";
import type { Decimal } from "@/lib/kernel/money";
import type { UsageType } from "@/lib/domain/pricing";
import type { EntitlementInput, PriceInput, PricingValueInput } from "./product-schema";

export type Interval = "day" | "week" | "month" | "year";

export interface RateDef {
  name: string | null;
  unit_price: Decimal | null;
  volume_rate: Decimal | null;
  package_size: Decimal | null;
}

export interface DimensionalDef {
  name: string | null;
  dimensions: Record<string, string>;
  values: RateDef[];
}

export type ValueDef = RateDef | DimensionalDef;

interface UsageCalculationDef {
  event_type: string;
  usage_type: UsageType;
  volume_field: string | null;
  source_reference_field: string | null;
  billable_dimensions: string[];
}

/** A price as stored in a product version and shown by the API (snake_case, exact decimals). */
export interface PriceDef {
  id: string;
  name: string;
  type: "usage_based" | "fixed";
  billing_model: { type: "real_time" } | { type: "recurring"; recurring: { interval: Interval; interval_count: number } };
  usage_calculation: UsageCalculationDef | null;
  pricing: { asset: string; values: ValueDef[] }[];
}

/** An entitlement as stored: the older top-level `refresh` is normalized into `lifecycle`. */
export interface EntitlementDef {
  name: string;
  asset: string;
  amount: Decimal;
  purpose: "bundled" | "promotion";
  lifecycle: { duration: Interval; duration_count: number; refresh: { strategy: "expire_and_replace" | "rollover" } | null } | null;
  accounting: { revenue_basis: Decimal | null; cost_basis: "auto" | Decimal };
}

export function isDimensional(value: ValueDef): value is DimensionalDef {
  return "dimensions" in value;
}

function rateDef(v: { name?: string | null; unit_price?: Decimal; volume_rate?: Decimal; package_size?: Decimal }): RateDef {
  return { name: v.name ?? null, unit_price: v.unit_price ?? null, volume_rate: v.volume_rate ?? null, package_size: v.package_size ?? null };
}

function valueDef(v: PricingValueInput): ValueDef {
  if (v.dimensions) return { name: v.name ?? null, dimensions: v.dimensions, values: (v.values ?? []).map(rateDef) };
  return rateDef(v);
}

/** Gives each price a fresh id: a new version's prices are new prices, even when unchanged. */
export function priceDefs(prices: PriceInput[]): PriceDef[] {
  return prices.map((p) => ({
    id: newId("price"),
    name: p.name,
    type: p.type,
    billing_model:
      p.type === "fixed"
        ? { type: "recurring", recurring: { interval: p.billing_model.recurring!.interval, interval_count: p.billing_model.recurring!.interval_count ?? 1 } }
        : { type: "real_time" },
    usage_calculation: p.usage_calculation
      ? {
          event_type: p.usage_calculation.event_type,
          usage_type: p.usage_calculation.usage_type,
          volume_field: p.usage_calculation.volume_field ?? null,
          source_reference_field: p.usage_calculation.source_reference_field ?? null,
          billable_dimensions: p.usage_calculation.billable_dimensions ?? [],
        }
      : null,
    pricing: p.pricing.map((a) => ({ asset: a.asset, values: a.values.map(valueDef) })),
  }));
}

export function entitlementDefs(entitlements: EntitlementInput[]): EntitlementDef[] {
  return entitlements.map((e) => {
    const lifecycle = e.lifecycle
      ? { duration: e.lifecycle.duration, duration_count: e.lifecycle.duration_count ?? 1, refresh: e.lifecycle.refresh ?? null }
      : e.refresh
        ? { duration: e.refresh.interval, duration_count: 1, refresh: { strategy: e.refresh.strategy } }
        : null;
    return {
      name: e.name,
      asset: e.asset,
      amount: e.amount,
      purpose: e.purpose,
      lifecycle,
      accounting: { revenue_basis: e.accounting?.revenue_basis ?? null, cost_basis: e.accounting?.cost_basis ?? "auto" },
    };
  });
}

/** Every asset the version prices in or grants: subscribing opens a wallet account for each. */
export function assetsOf(prices: PriceDef[], entitlements: EntitlementDef[]): string[] {
  return [...new Set([...prices.flatMap((p) => p.pricing.map((a) => a.asset)), ...entitlements.map((e) => e.asset)])];
}

export function hasRecurringFee(prices: PriceDef[]): boolean {
  return prices.some((p) => p.type === "fixed");
}
