import { JsonNumber, parseJsonText } from "@/lib/kernel/json";
import { dec, type Decimal } from "@/lib/kernel/money";
import type { DimensionalDef, EntitlementDef, PriceDef, RateDef, ValueDef } from "./definition";

// Stored JSON is written with stringifyJson, so its numbers are exact; it is read back as text and
// parsed losslessly, never through JSON.parse's floats.
type Json = Record<string, unknown>;

function decimal(v: unknown): Decimal | null {
  if (v === null || v === undefined) return null;
  if (v instanceof JsonNumber) return dec(v.text);
  throw new TypeError(`stored definition holds a non-number where a decimal belongs: ${JSON.stringify(v)}`);
}

function rate(v: Json): RateDef {
  return {
    name: (v.name as string | null) ?? null,
    unit_price: decimal(v.unit_price),
    volume_rate: decimal(v.volume_rate),
    package_size: decimal(v.package_size),
  };
}

function value(v: Json): ValueDef {
  if (!("dimensions" in v)) return rate(v);
  const dimensional: DimensionalDef = {
    name: (v.name as string | null) ?? null,
    dimensions: v.dimensions as Record<string, string>,
    values: (v.values as Json[]).map(rate),
  };
  return dimensional;
}

function price(p: Json): PriceDef {
  const billingModel = p.billing_model as Json;
  const recurring = billingModel.recurring as Json | undefined;
  return {
    id: p.id as string,
    name: p.name as string,
    type: p.type as PriceDef["type"],
    billing_model: recurring
      ? { type: "recurring", recurring: { interval: recurring.interval as never, interval_count: Number((recurring.interval_count as JsonNumber).text) } }
      : { type: "real_time" },
    usage_calculation: (p.usage_calculation as PriceDef["usage_calculation"]) ?? null,
    pricing: (p.pricing as Json[]).map((a) => ({ asset: a.asset as string, values: (a.values as Json[]).map(value) })),
  };
}

function entitlement(e: Json): EntitlementDef {
  const lifecycle = e.lifecycle as Json | null;
  const accounting = e.accounting as Json;
  return {
    name: e.name as string,
    asset: e.asset as string,
    amount: decimal(e.amount)!,
    purpose: e.purpose as EntitlementDef["purpose"],
    lifecycle: lifecycle
      ? {
          duration: lifecycle.duration as never,
          duration_count: Number((lifecycle.duration_count as JsonNumber).text),
          refresh: (lifecycle.refresh as { strategy: "expire_and_replace" | "rollover" } | null) ?? null,
        }
      : null,
    accounting: {
      revenue_basis: decimal(accounting.revenue_basis),
      cost_basis: accounting.cost_basis === "auto" ? "auto" : decimal(accounting.cost_basis)!,
    },
  };
}

/** Prices from a product_versions.prices column read as text. */
export function decodePrices(text: string): PriceDef[] {
  return (parseJsonText(text) as Json[]).map(price);
}

/** Entitlements from a product_versions.entitlements column read as text. */
export function decodeEntitlements(text: string): EntitlementDef[] {
  return (parseJsonText(text) as Json[]).map(entitlement);
}
