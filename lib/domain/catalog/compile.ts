import type { AssetPricing, Rate, RatedProduct, UsagePrice } from "@/lib/domain/pricing";
import { isDimensional, type PriceDef, type RateDef } from "./definition";

function rate(r: RateDef): Rate {
  return { name: r.name, unitPrice: r.unit_price, volumeRate: r.volume_rate, packageSize: r.package_size };
}

function usagePrice(p: PriceDef): UsagePrice {
  const calc = p.usage_calculation!;
  const pricing: AssetPricing[] = p.pricing.map(({ asset, values }) => {
    const first = values[0]!;
    if (!isDimensional(first)) return { asset, flat: rate(first) };
    return {
      asset,
      dimensional: values.map((v) => {
        if (!isDimensional(v)) throw new TypeError(`price ${p.id} mixes flat and dimensional values`);
        return { name: v.name, dimensions: v.dimensions, rate: rate(v.values[0]!) };
      }),
    };
  });
  return {
    id: p.id,
    name: p.name,
    eventType: calc.event_type,
    usageType: calc.usage_type,
    volumeField: calc.volume_field,
    billableDimensions: calc.billable_dimensions,
    pricing,
  };
}

/** A product version reduced to its usage prices, indexed by the event type they price. */
export function compileProduct(ref: { id: string; code: string; name: string; version: number }, prices: PriceDef[]): RatedProduct {
  const byType = new Map<string, UsagePrice[]>();
  for (const p of prices) {
    if (p.type !== "usage_based") continue;
    const compiled = usagePrice(p);
    const list = byType.get(compiled.eventType);
    if (list) list.push(compiled);
    else byType.set(compiled.eventType, [compiled]);
  }
  return { ...ref, pricesByEventType: byType };
}

