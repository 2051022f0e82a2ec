import { Decimal } from "@/lib/kernel/money";
import { currentRate, unitsFor, unitPrice } from "./rates";
import type { Asset } from "./types";

export function serializeAsset(asset: Asset) {
  return {
    code: asset.code,
    name: asset.name,
    type: asset.kind,
    precision: asset.precision,
    symbol: asset.symbol,
    label: asset.label,
    names: asset.names,
    rates: asset.rates.map((r) => ({
      source: r.source,
      rate: r.rate ?? unitPrice(r),
      inverse_rate: r.inverseRate ?? new Decimal(1).div(r.rate!).toDecimalPlaces(12),
      effective_at: r.effectiveAt.toISOString(),
    })),
    created_at: asset.createdAt?.toISOString() ?? null,
  };
}

/** How many units `amount` of `source` buys now. Null when the asset has no rate for that source. */
export function quoteAsset(asset: Asset, source: string, amount: Decimal, now: Date) {
  if (asset.kind === "fiat") {
    if (source !== asset.code) return null;
    return { source, amount, asset: asset.code, quantity: amount, rate: new Decimal(1) };
  }
  const rate = currentRate(asset, now, source);
  if (!rate) return null;
  return { source, amount, asset: asset.code, quantity: unitsFor(amount, rate, asset.precision), rate: unitPrice(rate) };
}
